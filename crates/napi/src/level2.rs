//! Level-2 bindings: `dgemv`/`sgemv` (`y ← alpha·op(a)·x + beta·y`) and `dger`/`sger`
//! (`a ← alpha·x·yᵀ + a`), sync and async. Same borrowing and overlap rules as `level3`.

#![allow(clippy::too_many_arguments)]

use napi::bindgen_prelude::*;
use napi_derive::napi;
use polycore_kernels::{Float, GemvParams, GerParams, Layout};

use crate::level3::{disjoint, shape_error, FloatBuf};

fn gemv_params<T: Float>(
    col_major: bool,
    trans: bool,
    m: u32,
    n: u32,
    alpha: f64,
    lda: u32,
    incx: u32,
    beta: f64,
    incy: u32,
) -> GemvParams<T> {
    GemvParams {
        layout: Layout::from_col_major(col_major),
        trans,
        m: m as usize,
        n: n as usize,
        alpha: T::from_f64(alpha),
        beta: T::from_f64(beta),
        lda: lda as usize,
        incx: incx as usize,
        incy: incy as usize,
    }
}

fn ger_params<T: Float>(
    col_major: bool,
    m: u32,
    n: u32,
    alpha: f64,
    incx: u32,
    incy: u32,
    lda: u32,
) -> GerParams<T> {
    GerParams {
        layout: Layout::from_col_major(col_major),
        m: m as usize,
        n: n as usize,
        alpha: T::from_f64(alpha),
        lda: lda as usize,
        incx: incx as usize,
        incy: incy as usize,
    }
}

fn run_gemv<B: FloatBuf, C: FloatBuf<T = B::T>>(
    p: &GemvParams<B::T>,
    a: &B,
    x: &B,
    y: &mut C,
) -> Result<()> {
    let (av, xv) = (a.view(), x.view());
    disjoint("y", y.view(), "a", av)?;
    disjoint("y", y.view(), "x", xv)?;
    // SAFETY: y shares no memory with a or x (checked just above), so this `&mut` aliases nothing.
    let yv = unsafe { y.view_mut() };
    polycore_kernels::gemv(p, av, xv, yv).map_err(shape_error)
}

fn run_ger<B: FloatBuf, C: FloatBuf<T = B::T>>(
    p: &GerParams<B::T>,
    x: &B,
    y: &B,
    a: &mut C,
) -> Result<()> {
    let (xv, yv) = (x.view(), y.view());
    disjoint("a", a.view(), "x", xv)?;
    disjoint("a", a.view(), "y", yv)?;
    // SAFETY: a shares no memory with x or y (checked just above), so this `&mut` aliases nothing.
    let av = unsafe { a.view_mut() };
    polycore_kernels::ger(p, xv, yv, av).map_err(shape_error)
}

/// A gemv waiting for (or running on) a native thread.
pub struct GemvTask<B: FloatBuf> {
    p: GemvParams<B::T>,
    a: B,
    x: B,
    y: B,
}

impl<B: FloatBuf + Send> Task for GemvTask<B>
where
    B::T: Send,
{
    type Output = ();
    type JsValue = ();
    fn compute(&mut self) -> Result<()> {
        run_gemv(&self.p, &self.a, &self.x, &mut self.y)
    }
    fn resolve(&mut self, _env: Env, _out: ()) -> Result<()> {
        Ok(())
    }
}

/// A ger waiting for (or running on) a native thread.
pub struct GerTask<B: FloatBuf> {
    p: GerParams<B::T>,
    x: B,
    y: B,
    a: B,
}

impl<B: FloatBuf + Send> Task for GerTask<B>
where
    B::T: Send,
{
    type Output = ();
    type JsValue = ();
    fn compute(&mut self) -> Result<()> {
        run_ger(&self.p, &self.x, &self.y, &mut self.a)
    }
    fn resolve(&mut self, _env: Env, _out: ()) -> Result<()> {
        Ok(())
    }
}

macro_rules! level2_bindings {
    ($gemv:ident, $gemv_js:literal, $gemv_async:ident, $gemv_async_js:literal,
     $ger:ident, $ger_js:literal, $ger_async:ident, $ger_async_js:literal,
     $slice:ident, $arr:ident, $t:ty) => {
        /// `y ← alpha·op(a)·x + beta·y` in place (arguments as in BLAS; see `gemv` in @polycore/native).
        #[napi(js_name = $gemv_js, catch_unwind)]
        pub fn $gemv(
            col_major: bool,
            trans: bool,
            m: u32,
            n: u32,
            alpha: f64,
            a: $slice<'_>,
            lda: u32,
            x: $slice<'_>,
            incx: u32,
            beta: f64,
            mut y: $slice<'_>,
            incy: u32,
        ) -> Result<()> {
            let p = gemv_params::<$t>(col_major, trans, m, n, alpha, lda, incx, beta, incy);
            run_gemv(&p, &a, &x, &mut y)
        }

        /// The same on a native thread; resolves when y holds the result.
        #[napi(js_name = $gemv_async_js, catch_unwind)]
        pub fn $gemv_async(
            col_major: bool,
            trans: bool,
            m: u32,
            n: u32,
            alpha: f64,
            a: $arr,
            lda: u32,
            x: $arr,
            incx: u32,
            beta: f64,
            y: $arr,
            incy: u32,
        ) -> Result<AsyncTask<GemvTask<$arr>>> {
            let p = gemv_params::<$t>(col_major, trans, m, n, alpha, lda, incx, beta, incy);
            p.check(a.len(), x.len(), y.len()).map_err(shape_error)?;
            disjoint("y", &y, "a", &a)?;
            disjoint("y", &y, "x", &x)?;
            Ok(AsyncTask::new(GemvTask { p, a, x, y }))
        }

        /// `a ← alpha·x·yᵀ + a` in place (see `ger` in @polycore/native).
        #[napi(js_name = $ger_js, catch_unwind)]
        pub fn $ger(
            col_major: bool,
            m: u32,
            n: u32,
            alpha: f64,
            x: $slice<'_>,
            incx: u32,
            y: $slice<'_>,
            incy: u32,
            mut a: $slice<'_>,
            lda: u32,
        ) -> Result<()> {
            let p = ger_params::<$t>(col_major, m, n, alpha, incx, incy, lda);
            run_ger(&p, &x, &y, &mut a)
        }

        /// The same on a native thread; resolves when a holds the result.
        #[napi(js_name = $ger_async_js, catch_unwind)]
        pub fn $ger_async(
            col_major: bool,
            m: u32,
            n: u32,
            alpha: f64,
            x: $arr,
            incx: u32,
            y: $arr,
            incy: u32,
            a: $arr,
            lda: u32,
        ) -> Result<AsyncTask<GerTask<$arr>>> {
            let p = ger_params::<$t>(col_major, m, n, alpha, incx, incy, lda);
            p.check(x.len(), y.len(), a.len()).map_err(shape_error)?;
            disjoint("a", &a, "x", &x)?;
            disjoint("a", &a, "y", &y)?;
            Ok(AsyncTask::new(GerTask { p, x, y, a }))
        }
    };
}

level2_bindings!(
    dgemv,
    "dgemv",
    dgemv_async,
    "dgemvAsync",
    dger,
    "dger",
    dger_async,
    "dgerAsync",
    Float64ArraySlice,
    Float64Array,
    f64
);
level2_bindings!(
    sgemv,
    "sgemv",
    sgemv_async,
    "sgemvAsync",
    sger,
    "sger",
    sger_async,
    "sgerAsync",
    Float32ArraySlice,
    Float32Array,
    f32
);
