//! Level-1 bindings. Every kernel takes BLAS-style strided vectors
//! `(n, x, offsetX, incX[, y, offsetY, incY])` on Float64Array or Float32Array (one type per
//! call). The sync form runs on the calling thread (splitting across the shared pool for large
//! n); the `…Async` form runs on a libuv thread and keeps its arrays alive until it settles.
//! Each binding's `prep_*` validates everything memory safety depends on and returns the work
//! as a `Send` closure that both forms run.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use polycore_kernels::level1 as k;
use polycore_kernels::Float;

use crate::task::Job;
use crate::views::{index, region, sharing, Arr, El, Held, Sharing, Vector};

/// Runs `$body` with `$T` bound to the element type of `$dtype`.
macro_rules! by_dtype {
    ($dtype:expr, $T:ident => $body:expr) => {
        match $dtype {
            $crate::views::Dtype::F64 => {
                type $T = f64;
                $body
            }
            $crate::views::Dtype::F32 => {
                type $T = f32;
                $body
            }
        }
    };
}
pub(crate) use by_dtype;

const X: [&str; 3] = ["x", "offsetX", "incX"];
const Y: [&str; 3] = ["y", "offsetY", "incY"];

#[allow(clippy::too_many_arguments)]
fn pair(n: f64, x: Arr, ox: f64, ix: f64, y: Arr, oy: f64, iy: f64) -> Result<(Vector, Vector)> {
    let n = index("n", n)?;
    y.expect("y", x.dtype, "x")?;
    Ok((Vector::new(x, n, ox, ix, X)?, Vector::new(y, n, oy, iy, Y)?))
}

fn one(n: f64, x: Arr, ox: f64, ix: f64) -> Result<Vector> {
    Vector::new(x, index("n", n)?, ox, ix, X)
}

/// Runs a two-vector kernel that writes `y` (and maybe `x`): on separate slices when the views
/// are disjoint, else on the one shared region.
fn write_pair<T: El>(
    x: Vector,
    y: Vector,
    mode: Sharing,
    apart: impl FnOnce(&mut [T], k::Strided, &mut [T], k::Strided),
    within: impl FnOnce(&mut [T], k::Strided, k::Strided),
) {
    match mode {
        Sharing::Disjoint => {
            // SAFETY: the touched byte ranges are disjoint (checked by `sharing`), so the two
            // mutable slices, trimmed to those ranges, never alias.
            let ((xs, sx), (ys, sy)) = unsafe { (trim::<T>(&x), trim::<T>(&y)) };
            apart(xs, sx, ys, sy)
        }
        Sharing::Shared {
            addr,
            len,
            x: sx,
            y: sy,
        } => {
            // SAFETY: addr..addr+len is the union of both checked views in one buffer and is the
            // only slice alive.
            let buf = unsafe { region::<T>(addr, len) };
            within(buf, sx, sy)
        }
    }
}

/// The mutable slice spanning exactly the elements a checked vector touches, and the view
/// re-based onto it.
///
/// # Safety
/// No other slice may overlap the touched range while it lives.
unsafe fn trim<'a, T: El>(v: &Vector) -> (&'a mut [T], k::Strided) {
    if v.n == 0 {
        return (&mut [], k::Strided::UNIT);
    }
    let first = v.s.offset;
    let last = v.s.at(v.n - 1);
    let lo = first.min(last);
    // SAFETY: the caller guarantees exclusivity; the range was bounds-checked by Vector::new.
    let all = unsafe { v.arr.slice_mut::<T>() };
    (
        &mut all[lo..=first.max(last)],
        k::Strided::new(first - lo, v.s.inc),
    )
}

fn prep_dot(v: (Vector, Vector)) -> impl FnOnce() -> f64 + Send {
    let (x, y) = v;
    move || {
        by_dtype!(x.arr.dtype, T => {
            // SAFETY: both are shared borrows (overlap is harmless); dtypes checked in `pair`.
            let (xs, ys) = unsafe { (x.arr.slice::<T>(), y.arr.slice::<T>()) };
            k::dot_strided(x.n, xs, x.s, ys, y.s).to_f64()
        })
    }
}

/// `Σ x[i]·y[i]` over n strided elements.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number"
)]
pub fn dot(n: f64, x: Arr, ox: f64, ix: f64, y: Arr, oy: f64, iy: f64) -> Result<f64> {
    Ok(prep_dot(pair(n, x, ox, ix, y, oy, iy)?)())
}

/// {@link dot} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number",
    ts_return_type = "Promise<number>"
)]
pub fn dot_async(
    n: f64,
    x: Held,
    ox: f64,
    ix: f64,
    y: Held,
    oy: f64,
    iy: f64,
) -> Result<AsyncTask<Job>> {
    let work = prep_dot(pair(n, x.arr, ox, ix, y.arr, oy, iy)?);
    Ok(Job::spawn(vec![x, y], work))
}

/// Contiguous dot of two equal-length arrays (the n = length, offset 0, inc 1 fast path).
#[napi(
    catch_unwind,
    ts_args_type = "x: Float64Array | Float32Array, y: Float64Array | Float32Array"
)]
pub fn dot_contiguous(x: Arr, y: Arr) -> Result<f64> {
    y.expect("y", x.dtype, "x")?;
    if x.len != y.len {
        return Err(crate::errors::range_error(format!(
            "y must have the same length as x ({}), got {}",
            x.len, y.len
        )));
    }
    Ok(by_dtype!(x.dtype, T => {
        // SAFETY: shared borrows only; dtypes checked above.
        let (xs, ys) = unsafe { (x.slice::<T>(), y.slice::<T>()) };
        k::dot(xs, ys).to_f64()
    }))
}

fn prep_axpy(alpha: f64, v: (Vector, Vector)) -> Result<impl FnOnce() -> f64 + Send> {
    let (x, y) = v;
    let mode = sharing(&x, &y)?;
    Ok(move || {
        by_dtype!(x.arr.dtype, T => write_pair::<T>(
            x,
            y,
            mode,
            |xs, sx, ys, sy| k::axpy_strided(x.n, T::from_f64(alpha), xs, sx, ys, sy),
            |buf, sx, sy| k::axpy_within(x.n, T::from_f64(alpha), buf, sx, sy),
        ));
        0.0
    })
}

/// `y += alpha·x` over n strided elements, in place.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, alpha: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number"
)]
#[allow(clippy::too_many_arguments)]
pub fn axpy(n: f64, alpha: f64, x: Arr, ox: f64, ix: f64, y: Arr, oy: f64, iy: f64) -> Result<()> {
    prep_axpy(alpha, pair(n, x, ox, ix, y, oy, iy)?)?();
    Ok(())
}

/// {@link axpy} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, alpha: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number",
    ts_return_type = "Promise<number>"
)]
#[allow(clippy::too_many_arguments)]
pub fn axpy_async(
    n: f64,
    alpha: f64,
    x: Held,
    ox: f64,
    ix: f64,
    y: Held,
    oy: f64,
    iy: f64,
) -> Result<AsyncTask<Job>> {
    let work = prep_axpy(alpha, pair(n, x.arr, ox, ix, y.arr, oy, iy)?)?;
    Ok(Job::spawn(vec![x, y], work))
}

/// Which two-vector writer a binding runs.
#[derive(Clone, Copy)]
enum PairOp {
    Copy,
    Swap,
    Rot(f64, f64),
}

fn prep_pair(op: PairOp, v: (Vector, Vector)) -> Result<impl FnOnce() -> f64 + Send> {
    let (x, y) = v;
    let mode = sharing(&x, &y)?;
    Ok(move || {
        let n = x.n;
        by_dtype!(x.arr.dtype, T => write_pair::<T>(
            x,
            y,
            mode,
            |xs, sx, ys, sy| match op {
                PairOp::Copy => k::copy_strided(n, xs, sx, ys, sy),
                PairOp::Swap => k::swap_strided(n, xs, sx, ys, sy),
                PairOp::Rot(c, s) => k::rot_strided(n, xs, sx, ys, sy, T::from_f64(c), T::from_f64(s)),
            },
            |buf, sx, sy| match op {
                PairOp::Copy => k::copy_within(n, buf, sx, sy),
                PairOp::Swap => k::swap_within(n, buf, sx, sy),
                PairOp::Rot(c, s) => k::rot_within(n, buf, sx, sy, T::from_f64(c), T::from_f64(s)),
            },
        ));
        0.0
    })
}

/// `y = x` over n strided elements.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number"
)]
pub fn copy(n: f64, x: Arr, ox: f64, ix: f64, y: Arr, oy: f64, iy: f64) -> Result<()> {
    prep_pair(PairOp::Copy, pair(n, x, ox, ix, y, oy, iy)?)?();
    Ok(())
}

/// {@link copy} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number",
    ts_return_type = "Promise<number>"
)]
pub fn copy_async(
    n: f64,
    x: Held,
    ox: f64,
    ix: f64,
    y: Held,
    oy: f64,
    iy: f64,
) -> Result<AsyncTask<Job>> {
    let work = prep_pair(PairOp::Copy, pair(n, x.arr, ox, ix, y.arr, oy, iy)?)?;
    Ok(Job::spawn(vec![x, y], work))
}

/// Exchanges x and y over n strided elements.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number"
)]
pub fn swap(n: f64, x: Arr, ox: f64, ix: f64, y: Arr, oy: f64, iy: f64) -> Result<()> {
    prep_pair(PairOp::Swap, pair(n, x, ox, ix, y, oy, iy)?)?();
    Ok(())
}

/// {@link swap} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number",
    ts_return_type = "Promise<number>"
)]
pub fn swap_async(
    n: f64,
    x: Held,
    ox: f64,
    ix: f64,
    y: Held,
    oy: f64,
    iy: f64,
) -> Result<AsyncTask<Job>> {
    let work = prep_pair(PairOp::Swap, pair(n, x.arr, ox, ix, y.arr, oy, iy)?)?;
    Ok(Job::spawn(vec![x, y], work))
}

/// Plane rotation of (x, y) by (c, s) over n strided elements.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number, c: number, s: number"
)]
#[allow(clippy::too_many_arguments)]
pub fn rot(
    n: f64,
    x: Arr,
    ox: f64,
    ix: f64,
    y: Arr,
    oy: f64,
    iy: f64,
    c: f64,
    s: f64,
) -> Result<()> {
    prep_pair(PairOp::Rot(c, s), pair(n, x, ox, ix, y, oy, iy)?)?();
    Ok(())
}

/// {@link rot} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number, y: Float64Array | Float32Array, offsetY: number, incY: number, c: number, s: number",
    ts_return_type = "Promise<number>"
)]
#[allow(clippy::too_many_arguments)]
pub fn rot_async(
    n: f64,
    x: Held,
    ox: f64,
    ix: f64,
    y: Held,
    oy: f64,
    iy: f64,
    c: f64,
    s: f64,
) -> Result<AsyncTask<Job>> {
    let work = prep_pair(PairOp::Rot(c, s), pair(n, x.arr, ox, ix, y.arr, oy, iy)?)?;
    Ok(Job::spawn(vec![x, y], work))
}

/// Which one-vector kernel a binding runs.
#[derive(Clone, Copy)]
enum OneOp {
    Scal(f64),
    Nrm2,
    Asum,
    Iamax,
}

fn prep_one(op: OneOp, x: Vector) -> impl FnOnce() -> f64 + Send {
    move || {
        by_dtype!(x.arr.dtype, T => match op {
            OneOp::Scal(alpha) => {
                // SAFETY: the only slice of x in this call.
                let xs = unsafe { x.arr.slice_mut::<T>() };
                k::scal_strided(x.n, T::from_f64(alpha), xs, x.s);
                0.0
            }
            OneOp::Nrm2 | OneOp::Asum | OneOp::Iamax => {
                // SAFETY: a shared borrow, the only slice in this call.
                let xs = unsafe { x.arr.slice::<T>() };
                match op {
                    OneOp::Nrm2 => k::nrm2_strided(x.n, xs, x.s).to_f64(),
                    OneOp::Asum => k::asum_strided(x.n, xs, x.s).to_f64(),
                    _ => k::iamax_strided(x.n, xs, x.s).map_or(-1.0, |i| i as f64),
                }
            }
        })
    }
}

macro_rules! one_vector_bindings {
    ($($(#[$doc:meta])* $sync:ident, $async_:ident, $ts:literal, |$($p:ident),*| $op:expr;)*) => {$(
        $(#[$doc])*
        #[napi(catch_unwind, ts_args_type = $ts)]
        pub fn $sync(n: f64, $($p: f64,)* x: Arr, ox: f64, ix: f64) -> Result<f64> {
            Ok(prep_one($op, one(n, x, ox, ix)?)())
        }

        $(#[$doc])*
        /// (Async: on a native thread.)
        #[napi(catch_unwind, ts_args_type = $ts, ts_return_type = "Promise<number>")]
        pub fn $async_(n: f64, $($p: f64,)* x: Held, ox: f64, ix: f64) -> Result<AsyncTask<Job>> {
            let work = prep_one($op, one(n, x.arr, ox, ix)?);
            Ok(Job::spawn(vec![x], work))
        }
    )*};
}

one_vector_bindings! {
    /// `x *= alpha` over n strided elements, in place.
    scal, scal_async, "n: number, alpha: number, x: Float64Array | Float32Array, offsetX: number, incX: number", |alpha| OneOp::Scal(alpha);
    /// Euclidean norm of n strided elements (overflow/underflow-safe).
    nrm2, nrm2_async, "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number", | | OneOp::Nrm2;
    /// `Σ |x[i]|` over n strided elements.
    asum, asum_async, "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number", | | OneOp::Asum;
    /// 0-based element number of the first largest |x[i]|; -1 when n = 0.
    iamax, iamax_async, "n: number, x: Float64Array | Float32Array, offsetX: number, incX: number", | | OneOp::Iamax;
}
