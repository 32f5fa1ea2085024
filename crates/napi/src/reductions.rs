//! Reduction bindings over a whole Float64Array/Float32Array. Op codes (kept in step with
//! `packages/native/src/reductions.ts`): 0 sum (pairwise), 1 sum (compensated), 2 min, 3 max,
//! 4 mean, 5 variance (`param` = ddof).

use napi::bindgen_prelude::*;
use napi_derive::napi;
use polycore_kernels::reductions::{self as r, SumMethod};

use crate::errors::range_error;
use crate::level1::by_dtype;
use crate::task::Job;
use crate::views::{index, Arr, El, Held};

fn run<T: El>(op: u32, x: &[T], ddof: usize) -> f64 {
    let v = match op {
        0 => r::sum(x, SumMethod::Pairwise),
        1 => r::sum(x, SumMethod::Kahan),
        2 => r::min(x).unwrap_or(T::NAN),
        3 => r::max(x).unwrap_or(T::NAN),
        4 => r::mean(x),
        _ => r::variance(x, ddof),
    };
    v.to_f64()
}

fn prep(op: u32, x: Arr, param: f64) -> Result<impl FnOnce() -> f64 + Send> {
    if op > 5 {
        return Err(range_error(format!("unknown reduction {op}")));
    }
    if (op == 2 || op == 3) && x.len == 0 {
        return Err(range_error("x must not be empty"));
    }
    let ddof = if op == 5 { index("ddof", param)? } else { 0 };
    Ok(move || {
        by_dtype!(x.dtype, T => {
            // SAFETY: the only slice of x in this call, shared.
            let xs = unsafe { x.slice::<T>() };
            run::<T>(op, xs, ddof)
        })
    })
}

/// Reduction `op` of x (0 sum, 1 compensated sum, 2 min, 3 max, 4 mean, 5 variance with ddof = param).
#[napi(
    catch_unwind,
    ts_args_type = "op: number, x: Float64Array | Float32Array, param: number"
)]
pub fn reduce(op: u32, x: Arr, param: f64) -> Result<f64> {
    Ok(prep(op, x, param)?())
}

/// {@link reduce} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "op: number, x: Float64Array | Float32Array, param: number",
    ts_return_type = "Promise<number>"
)]
pub fn reduce_async(op: u32, x: Held, param: f64) -> Result<AsyncTask<Job>> {
    let w = prep(op, x.arr, param)?;
    Ok(Job::spawn(vec![x], w))
}
