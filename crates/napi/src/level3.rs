//! Level-3 bindings (`dgemm`, `sgemm` and their async forms), and the typed-array plumbing the
//! level-2 bindings share: borrowing float arrays without copies, and refusing an output that
//! overlaps an input (BLAS forbids it, and in Rust it would be an aliasing `&mut`).
//!
//! Sync forms borrow the caller's arrays for the duration of the call; async forms hold
//! references to them (keeping them alive) until the kernel has run on a native thread.

#![allow(clippy::too_many_arguments)]

use napi::bindgen_prelude::*;
use napi_derive::napi;
use polycore_kernels::level2::Dot4;
use polycore_kernels::{GemmParams, Layout, ShapeError};

use crate::errors::range_error;

/// A JS float array the kernels can read, and write when it is the output.
pub trait FloatBuf {
    /// f64 or f32.
    type T: Dot4;
    /// The elements, shared.
    fn view(&self) -> &[Self::T];
    /// The elements, exclusive.
    ///
    /// # Safety
    /// No other live Rust reference may overlap this array's memory (see [`disjoint`]).
    unsafe fn view_mut(&mut self) -> &mut [Self::T];
}

macro_rules! float_buf {
    ($($ty:ty => $t:ty),*) => {$(
        impl FloatBuf for $ty {
            type T = $t;
            fn view(&self) -> &[$t] {
                self.as_ref()
            }
            unsafe fn view_mut(&mut self) -> &mut [$t] {
                // SAFETY: the caller guarantees nothing else borrows this memory.
                unsafe { self.as_mut() }
            }
        }
    )*};
}
float_buf!(Float64Array => f64, Float32Array => f32, Float64ArraySlice<'_> => f64, Float32ArraySlice<'_> => f32);

/// Errors when `out` shares memory with `input` (byte ranges of one buffer intersect).
pub fn disjoint<T>(out_name: &str, out: &[T], in_name: &str, input: &[T]) -> Result<()> {
    let (o, i) = (out.as_ptr_range(), input.as_ptr_range());
    let overlap = !out.is_empty() && !input.is_empty() && o.start < i.end && i.start < o.end;
    if overlap {
        return Err(range_error(format!(
            "{out_name} must not overlap {in_name} (they share memory of one buffer)"
        )));
    }
    Ok(())
}

/// A kernel's shape error as a JS RangeError.
pub fn shape_error(e: ShapeError) -> Error {
    range_error(e.message)
}

fn params<T: Dot4>(
    col_major: bool,
    trans_a: bool,
    trans_b: bool,
    m: u32,
    n: u32,
    k: u32,
    alpha: f64,
    lda: u32,
    ldb: u32,
    beta: f64,
    ldc: u32,
) -> GemmParams<T> {
    GemmParams {
        layout: Layout::from_col_major(col_major),
        trans_a,
        trans_b,
        m: m as usize,
        n: n as usize,
        k: k as usize,
        alpha: T::from_f64(alpha),
        beta: T::from_f64(beta),
        lda: lda as usize,
        ldb: ldb as usize,
        ldc: ldc as usize,
    }
}

fn run<B: FloatBuf, C: FloatBuf<T = B::T>>(
    p: &GemmParams<B::T>,
    a: &B,
    b: &B,
    c: &mut C,
) -> Result<()> {
    let (av, bv) = (a.view(), b.view());
    disjoint("c", c.view(), "a", av)?;
    disjoint("c", c.view(), "b", bv)?;
    // SAFETY: c shares no memory with a or b (checked just above), so this `&mut` aliases nothing.
    let cv = unsafe { c.view_mut() };
    polycore_kernels::gemm(p, av, bv, cv).map_err(shape_error)
}

/// A gemm waiting for (or running on) a native thread.
pub struct GemmTask<B: FloatBuf> {
    p: GemmParams<B::T>,
    a: B,
    b: B,
    c: B,
}

impl<B: FloatBuf + Send> Task for GemmTask<B>
where
    B::T: Send,
{
    type Output = ();
    type JsValue = ();
    fn compute(&mut self) -> Result<()> {
        run(&self.p, &self.a, &self.b, &mut self.c)
    }
    fn resolve(&mut self, _env: Env, _out: ()) -> Result<()> {
        Ok(())
    }
}

macro_rules! gemm_bindings {
    ($sync:ident, $js_sync:literal, $async_fn:ident, $js_async:literal, $slice:ident, $arr:ident, $t:ty) => {
        /// `c ← alpha·op(a)·op(b) + beta·c` in place (arguments as in BLAS; see `gemm` in @polycore/native).
        #[napi(js_name = $js_sync, catch_unwind)]
        pub fn $sync(
            col_major: bool,
            trans_a: bool,
            trans_b: bool,
            m: u32,
            n: u32,
            k: u32,
            alpha: f64,
            a: $slice<'_>,
            lda: u32,
            b: $slice<'_>,
            ldb: u32,
            beta: f64,
            mut c: $slice<'_>,
            ldc: u32,
        ) -> Result<()> {
            let p = params::<$t>(
                col_major, trans_a, trans_b, m, n, k, alpha, lda, ldb, beta, ldc,
            );
            run(&p, &a, &b, &mut c)
        }

        /// The same on a native thread; resolves when c holds the result.
        #[napi(js_name = $js_async, catch_unwind)]
        pub fn $async_fn(
            col_major: bool,
            trans_a: bool,
            trans_b: bool,
            m: u32,
            n: u32,
            k: u32,
            alpha: f64,
            a: $arr,
            lda: u32,
            b: $arr,
            ldb: u32,
            beta: f64,
            c: $arr,
            ldc: u32,
        ) -> Result<AsyncTask<GemmTask<$arr>>> {
            let p = params::<$t>(
                col_major, trans_a, trans_b, m, n, k, alpha, lda, ldb, beta, ldc,
            );
            // Fail fast, on the JS thread, for anything the task would reject.
            p.check(a.len(), b.len(), c.len()).map_err(shape_error)?;
            disjoint("c", &c, "a", &a)?;
            disjoint("c", &c, "b", &b)?;
            Ok(AsyncTask::new(GemmTask { p, a, b, c }))
        }
    };
}

gemm_bindings!(
    dgemm,
    "dgemm",
    dgemm_async,
    "dgemmAsync",
    Float64ArraySlice,
    Float64Array,
    f64
);
gemm_bindings!(
    sgemm,
    "sgemm",
    sgemm_async,
    "sgemmAsync",
    Float32ArraySlice,
    Float32Array,
    f32
);
