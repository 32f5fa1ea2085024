//! The level-1 kernels that write vectors: `axpy`, `scal`, `copy`, `swap`, `rot`.
//!
//! Contiguous views run a multiversioned SIMD loop and split across the pool above their
//! threshold; other strides run a scalar loop over [`Strided`] indices. Arithmetic follows
//! reference BLAS (separate multiply and add, no FMA), so results do not depend on the CPU.

use super::strided::{for_each1, for_each2, Strided};
use crate::simd::{multiversion, par, Real};

/// Elements above which `axpy`/`rot`/`swap` split across the pool (3 streams per element).
pub const UPDATE_THRESHOLD: usize = 1 << 19;
/// Elements above which `scal`/`copy` split across the pool (2 streams per element).
pub const SCAL_THRESHOLD: usize = 1 << 19;

multiversion! {
    fn axpy_kernel<T: Real>(alpha: T, x: &[T], y: &mut [T]) {
        for (yi, &xi) in y.iter_mut().zip(x) {
            *yi += alpha * xi;
        }
    }
}

multiversion! {
    fn scal_kernel<T: Real>(alpha: T, x: &mut [T]) {
        for xi in x.iter_mut() {
            *xi = alpha * *xi;
        }
    }
}

multiversion! {
    fn rot_kernel<T: Real>(c: T, s: T, x: &mut [T], y: &mut [T]) {
        for (xi, yi) in x.iter_mut().zip(y.iter_mut()) {
            let (a, b) = (*xi, *yi);
            *xi = c * a + s * b;
            *yi = c * b - s * a;
        }
    }
}

/// `y[i] += alpha·x[i]` over the common length, in place. As in reference BLAS, `alpha == 0`
/// leaves `y` untouched (even where `x` holds NaN).
///
/// ```
/// let mut y = [1.0f64, 1.0];
/// polycore_kernels::level1::axpy(2.0, &[1.0, 2.0], &mut y);
/// assert_eq!(y, [3.0, 5.0]);
/// ```
pub fn axpy<T: Real>(alpha: T, x: &[T], y: &mut [T]) {
    let n = x.len().min(y.len());
    if alpha == T::ZERO {
        return;
    }
    par::for_each_mut(&mut y[..n], par::per_f64::<T>(UPDATE_THRESHOLD), |r, yc| {
        axpy_kernel(alpha, &x[r], yc)
    });
}

/// Strided [`axpy`] over `n` elements (panics when a view does not fit its buffer).
///
/// ```
/// use polycore_kernels::level1::{axpy_strided, Strided};
/// let mut y = [0.0f64; 3];
/// axpy_strided(3, 1.0, &[1.0, 2.0, 3.0], Strided::UNIT, &mut y, Strided::new(2, -1));
/// assert_eq!(y, [3.0, 2.0, 1.0]);
/// ```
pub fn axpy_strided<T: Real>(n: usize, alpha: T, x: &[T], sx: Strided, y: &mut [T], sy: Strided) {
    if n == 0 || alpha == T::ZERO {
        return;
    }
    if sx.is_unit() && sy.is_unit() {
        return axpy(
            alpha,
            &x[sx.offset..sx.offset + n],
            &mut y[sy.offset..sy.offset + n],
        );
    }
    for_each2(n, sx, sy, |i, j| y[j] += alpha * x[i]);
}

/// `x[i] *= alpha`, in place (reference BLAS: `alpha == 0` multiplies too, so NaN stays NaN).
///
/// ```
/// let mut x = [1.0f32, -2.0];
/// polycore_kernels::level1::scal(3.0, &mut x);
/// assert_eq!(x, [3.0, -6.0]);
/// ```
pub fn scal<T: Real>(alpha: T, x: &mut [T]) {
    par::for_each_mut(x, par::per_f64::<T>(SCAL_THRESHOLD), |_, xc| {
        scal_kernel(alpha, xc)
    });
}

/// Strided [`scal`] over `n` elements.
///
/// ```
/// use polycore_kernels::level1::{scal_strided, Strided};
/// let mut x = [1.0f64, 1.0, 1.0, 1.0];
/// scal_strided(2, 5.0, &mut x, Strided::new(1, 2));
/// assert_eq!(x, [1.0, 5.0, 1.0, 5.0]);
/// ```
pub fn scal_strided<T: Real>(n: usize, alpha: T, x: &mut [T], sx: Strided) {
    if n == 0 {
        return;
    }
    if sx.is_unit() {
        return scal(alpha, &mut x[sx.offset..sx.offset + n]);
    }
    for_each1(n, sx, |i| x[i] = alpha * x[i]);
}

/// `y[i] = x[i]` over the common length.
///
/// ```
/// let mut y = [0.0f64; 2];
/// polycore_kernels::level1::copy(&[1.0, 2.0], &mut y);
/// assert_eq!(y, [1.0, 2.0]);
/// ```
pub fn copy<T: Real>(x: &[T], y: &mut [T]) {
    let n = x.len().min(y.len());
    par::for_each_mut(&mut y[..n], par::per_f64::<T>(SCAL_THRESHOLD), |r, yc| {
        yc.copy_from_slice(&x[r])
    });
}

/// Strided [`copy`] over `n` elements.
///
/// ```
/// use polycore_kernels::level1::{copy_strided, Strided};
/// let mut y = [0.0f64; 3];
/// copy_strided(3, &[1.0, 2.0, 3.0], Strided::new(2, -1), &mut y, Strided::UNIT);
/// assert_eq!(y, [3.0, 2.0, 1.0]);
/// ```
pub fn copy_strided<T: Real>(n: usize, x: &[T], sx: Strided, y: &mut [T], sy: Strided) {
    if n == 0 {
        return;
    }
    if sx.is_unit() && sy.is_unit() {
        return copy(
            &x[sx.offset..sx.offset + n],
            &mut y[sy.offset..sy.offset + n],
        );
    }
    for_each2(n, sx, sy, |i, j| y[j] = x[i]);
}

/// Exchanges `x[i]` and `y[i]` over the common length.
///
/// ```
/// let (mut x, mut y) = ([1.0f64], [2.0f64]);
/// polycore_kernels::level1::swap(&mut x, &mut y);
/// assert_eq!((x[0], y[0]), (2.0, 1.0));
/// ```
pub fn swap<T: Real>(x: &mut [T], y: &mut [T]) {
    par::for_each_mut2(x, y, par::per_f64::<T>(UPDATE_THRESHOLD), |_, xc, yc| {
        xc.swap_with_slice(yc)
    });
}

/// Strided [`swap`] over `n` elements.
///
/// ```
/// use polycore_kernels::level1::{swap_strided, Strided};
/// let (mut x, mut y) = ([1.0f64, 2.0], [3.0f64, 4.0]);
/// swap_strided(2, &mut x, Strided::UNIT, &mut y, Strided::new(1, -1));
/// assert_eq!((x, y), ([4.0, 3.0], [2.0, 1.0]));
/// ```
pub fn swap_strided<T: Real>(n: usize, x: &mut [T], sx: Strided, y: &mut [T], sy: Strided) {
    if n == 0 {
        return;
    }
    if sx.is_unit() && sy.is_unit() {
        return swap(
            &mut x[sx.offset..sx.offset + n],
            &mut y[sy.offset..sy.offset + n],
        );
    }
    for_each2(n, sx, sy, |i, j| std::mem::swap(&mut x[i], &mut y[j]));
}

/// Plane rotation: `(x[i], y[i]) = (c·x[i] + s·y[i], c·y[i] − s·x[i])` over the common length.
///
/// ```
/// let (mut x, mut y) = ([1.0f64], [0.0f64]);
/// polycore_kernels::level1::rot(&mut x, &mut y, 0.0, 1.0);
/// assert_eq!((x[0], y[0]), (0.0, -1.0));
/// ```
pub fn rot<T: Real>(x: &mut [T], y: &mut [T], c: T, s: T) {
    par::for_each_mut2(x, y, par::per_f64::<T>(UPDATE_THRESHOLD), |_, xc, yc| {
        rot_kernel(c, s, xc, yc)
    });
}

/// Strided [`rot`] over `n` elements.
///
/// ```
/// use polycore_kernels::level1::{rot_strided, Strided};
/// let (mut x, mut y) = ([1.0f64, 9.0], [0.0f64]);
/// rot_strided(1, &mut x, Strided::UNIT, &mut y, Strided::UNIT, 0.0, 1.0);
/// assert_eq!((x, y), ([0.0, 9.0], [-1.0]));
/// ```
pub fn rot_strided<T: Real>(
    n: usize,
    x: &mut [T],
    sx: Strided,
    y: &mut [T],
    sy: Strided,
    c: T,
    s: T,
) {
    if n == 0 {
        return;
    }
    if sx.is_unit() && sy.is_unit() {
        return rot(
            &mut x[sx.offset..sx.offset + n],
            &mut y[sy.offset..sy.offset + n],
            c,
            s,
        );
    }
    for_each2(n, sx, sy, |i, j| {
        let (a, b) = (x[i], y[j]);
        x[i] = c * a + s * b;
        y[j] = c * b - s * a;
    });
}

/// [`axpy_strided`] where `x` and `y` are two views into one buffer (e.g. two rows of a
/// matrix), in reference-BLAS loop order.
///
/// ```
/// use polycore_kernels::level1::{axpy_within, Strided};
/// let mut m = [1.0f64, 10.0, 2.0, 20.0]; // x = even, y = odd elements
/// axpy_within(2, 1.0, &mut m, Strided::new(0, 2), Strided::new(1, 2));
/// assert_eq!(m, [1.0, 11.0, 2.0, 22.0]);
/// ```
pub fn axpy_within<T: Real>(n: usize, alpha: T, buf: &mut [T], sx: Strided, sy: Strided) {
    if alpha == T::ZERO {
        return;
    }
    for_each2(n, sx, sy, |i, j| buf[j] += alpha * buf[i]);
}

/// [`copy_strided`] between two views into one buffer.
///
/// ```
/// use polycore_kernels::level1::{copy_within, Strided};
/// let mut m = [1.0f64, 0.0, 2.0, 0.0];
/// copy_within(2, &mut m, Strided::new(0, 2), Strided::new(1, 2));
/// assert_eq!(m, [1.0, 1.0, 2.0, 2.0]);
/// ```
pub fn copy_within<T: Real>(n: usize, buf: &mut [T], sx: Strided, sy: Strided) {
    for_each2(n, sx, sy, |i, j| buf[j] = buf[i]);
}

/// [`swap_strided`] between two views into one buffer.
///
/// ```
/// use polycore_kernels::level1::{swap_within, Strided};
/// let mut m = [1.0f64, 3.0, 2.0, 4.0];
/// swap_within(2, &mut m, Strided::new(0, 2), Strided::new(1, 2));
/// assert_eq!(m, [3.0, 1.0, 4.0, 2.0]);
/// ```
pub fn swap_within<T: Real>(n: usize, buf: &mut [T], sx: Strided, sy: Strided) {
    for_each2(n, sx, sy, |i, j| buf.swap(i, j));
}

/// [`rot_strided`] between two views into one buffer (writes `y` then `x`, as reference BLAS).
///
/// ```
/// use polycore_kernels::level1::{rot_within, Strided};
/// let mut m = [1.0f64, 0.0];
/// rot_within(1, &mut m, Strided::new(0, 1), Strided::new(1, 1), 0.0, 1.0);
/// assert_eq!(m, [0.0, -1.0]);
/// ```
pub fn rot_within<T: Real>(n: usize, buf: &mut [T], sx: Strided, sy: Strided, c: T, s: T) {
    for_each2(n, sx, sy, |i, j| {
        let (a, b) = (buf[i], buf[j]);
        buf[j] = c * b - s * a;
        buf[i] = c * a + s * b;
    });
}
