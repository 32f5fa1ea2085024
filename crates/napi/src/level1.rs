//! Level-1 bindings: sync forms borrow the caller's typed arrays (no copy); async forms hold a
//! reference to them until the kernel has run on a native thread.

use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::errors::range_error;

fn same_len(a: usize, b: usize) -> Result<()> {
    if a != b {
        return Err(range_error(format!("x and y must have the same length (got {a} and {b})")));
    }
    Ok(())
}

/// dot of two Float64Arrays.
#[napi(catch_unwind)]
pub fn ddot(x: Float64Array, y: Float64Array) -> Result<f64> {
    same_len(x.len(), y.len())?;
    Ok(polycore_kernels::dot(&x, &y))
}

/// dot of two Float32Arrays.
#[napi(catch_unwind)]
pub fn sdot(x: Float32Array, y: Float32Array) -> Result<f64> {
    same_len(x.len(), y.len())?;
    Ok(polycore_kernels::dot(&x, &y) as f64)
}

pub struct DotTask<A> {
    x: A,
    y: A,
}

impl Task for DotTask<Float64Array> {
    type Output = f64;
    type JsValue = f64;
    fn compute(&mut self) -> Result<f64> {
        Ok(polycore_kernels::dot(&self.x, &self.y))
    }
    fn resolve(&mut self, _env: Env, out: f64) -> Result<f64> {
        Ok(out)
    }
}

impl Task for DotTask<Float32Array> {
    type Output = f64;
    type JsValue = f64;
    fn compute(&mut self) -> Result<f64> {
        Ok(polycore_kernels::dot(&self.x, &self.y) as f64)
    }
    fn resolve(&mut self, _env: Env, out: f64) -> Result<f64> {
        Ok(out)
    }
}

/// dot of two Float64Arrays on a native thread.
#[napi(catch_unwind)]
pub fn ddot_async(x: Float64Array, y: Float64Array) -> Result<AsyncTask<DotTask<Float64Array>>> {
    same_len(x.len(), y.len())?;
    Ok(AsyncTask::new(DotTask { x, y }))
}

/// dot of two Float32Arrays on a native thread.
#[napi(catch_unwind)]
pub fn sdot_async(x: Float32Array, y: Float32Array) -> Result<AsyncTask<DotTask<Float32Array>>> {
    same_len(x.len(), y.len())?;
    Ok(AsyncTask::new(DotTask { x, y }))
}
