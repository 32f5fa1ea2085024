//! The level-1 reductions over one vector: `nrm2`, `asum`, `iamax`.

use super::strided::{for_each1, Strided};
use crate::simd::{multiversion, par, Real, LANES};

/// Elements above which `nrm2`/`asum`/`iamax` split across the pool (1 stream per element).
pub const REDUCE_THRESHOLD: usize = 1 << 20;

/// Sums lane accumulators pairwise.
#[inline(always)]
pub(crate) fn tree_sum<T: Real>(acc: &mut [T; LANES]) -> T {
    let mut w = LANES;
    while w > 1 {
        w /= 2;
        for j in 0..w {
            acc[j] += acc[j + w];
        }
    }
    acc[0]
}

#[inline(always)]
fn bigger<T: Real>(a: T, m: T) -> T {
    if a > m {
        a
    } else {
        m
    }
}

multiversion! {
    /// `(Σ x², max |x|)` in T (NaN never becomes the max; it shows in the sum).
    fn sumsq_max<T: Real>(x: &[T]) -> (T, T) {
        let mut acc = [T::ZERO; LANES];
        let mut mx = [T::ZERO; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                acc[j] += c[j] * c[j];
                mx[j] = bigger(c[j].abs(), mx[j]);
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            acc[j] += v * v;
            mx[j] = bigger(v.abs(), mx[j]);
        }
        let m = mx.iter().fold(T::ZERO, |m, &v| bigger(v, m));
        (tree_sum(&mut acc), m)
    }
}

multiversion! {
    /// `Σ (s·x)²` (the rescaled second pass of f64 `nrm2`).
    fn sumsq_scaled<T: Real>(x: &[T], scale: T) -> T {
        let mut acc = [T::ZERO; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                let v = c[j] * scale;
                acc[j] += v * v;
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            let w = v * scale;
            acc[j] += w * w;
        }
        tree_sum(&mut acc)
    }
}

multiversion! {
    /// Index of the first element with |x| == m (m is the block's max, so it is there).
    fn find_abs<T: Real>(x: &[T], m: T) -> usize {
        let mut base = 0;
        for c in x.chunks(LANES) {
            let mut hit = false;
            for &v in c {
                hit |= v.abs() == m;
            }
            if hit {
                return base + c.iter().position(|v| v.abs() == m).unwrap_or(0);
            }
            base += c.len();
        }
        0
    }
}

multiversion! {
    /// Σ x² accumulated in f64 (exact range for f32 input: no overflow or underflow possible).
    fn sumsq_wide<T: Real>(x: &[T]) -> f64 {
        let mut acc = [0.0f64; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                let v = c[j].to_f64();
                acc[j] += v * v;
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            acc[j] += v.to_f64() * v.to_f64();
        }
        tree_sum(&mut acc)
    }
}

multiversion! {
    fn asum_kernel<T: Real>(x: &[T]) -> T {
        let mut acc = [T::ZERO; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                acc[j] += c[j].abs();
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            acc[j] += v.abs();
        }
        tree_sum(&mut acc)
    }
}

multiversion! {
    /// max |x| ignoring NaN; −1 when every element is NaN or `x` is empty.
    fn absmax_kernel<T: Real>(x: &[T]) -> T {
        let none = T::ZERO - T::ONE;
        let mut mx = [none; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                mx[j] = bigger(c[j].abs(), mx[j]);
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            mx[j] = bigger(v.abs(), mx[j]);
        }
        mx.iter().fold(none, |m, &v| bigger(v, m))
    }
}

/// Finishes an f64 norm from a first pass's `(Σ x², max |x|)`: returns it when that sum can
/// neither have overflowed nor lost accuracy to underflow, else reruns `pass(scale)` with an exact
/// power-of-two scale that brings max |x| into range (tiny elements then underflow only where
/// they are below half an ulp of the result, as in reference BLAS).
fn nrm2_finish(sum: f64, max: f64, pass: impl FnOnce(f64) -> f64) -> f64 {
    if sum.is_nan() {
        return f64::NAN;
    }
    if max == f64::INFINITY {
        return f64::INFINITY;
    }
    // Squares of max ≤ 2^486 cannot overflow for n < 2^52; with max ≥ 2^-480 the flushed
    // squares of tiny elements (≤ 2^-1074 each) stay below half an ulp of the sum for n < 2^36.
    if max == 0.0 || (max >= 2f64.powi(-480) && max <= 2f64.powi(486)) {
        return sum.sqrt();
    }
    let k = if max > 1.0 { -600 } else { 600 };
    pass(2f64.powi(k)).sqrt() * 2f64.powi(-k)
}

/// Per-type Euclidean norm: f64 takes a one-pass vectorized sum of squares and max |x|, and
/// rescales by an exact power of two in a second pass only when max |x| leaves the range where
/// that sum can neither overflow nor lose accuracy to underflow (see `nrm2_finish`); f32 sums
/// squares in f64, which is always safe.
pub trait Nrm2: Real {
    /// `‖x‖₂` of a contiguous slice.
    fn nrm2(x: &[Self]) -> Self;
    /// `‖x‖₂` of `n` strided elements.
    fn nrm2_strided(n: usize, x: &[Self], sx: Strided) -> Self;
}

impl Nrm2 for f64 {
    fn nrm2(x: &[f64]) -> f64 {
        let (sum, max) = par::map_reduce(
            x.len(),
            REDUCE_THRESHOLD,
            |r| sumsq_max(&x[r]),
            |a, b| (a.0 + b.0, bigger(b.1, a.1)),
        );
        nrm2_finish(sum, max, |scale| {
            par::map_reduce(
                x.len(),
                REDUCE_THRESHOLD,
                |r| sumsq_scaled(&x[r], scale),
                |a, b| a + b,
            )
        })
    }
    fn nrm2_strided(n: usize, x: &[f64], sx: Strided) -> f64 {
        if sx.is_unit() {
            return Self::nrm2(&x[sx.offset..sx.offset + n]);
        }
        let pass = |scale: f64| {
            let (mut sum, mut max) = (0.0f64, 0.0f64);
            for_each1(n, sx, |i| {
                let v = x[i] * scale;
                sum += v * v;
                max = bigger(x[i].abs(), max);
            });
            (sum, max)
        };
        let (sum, max) = pass(1.0);
        nrm2_finish(sum, max, |scale| pass(scale).0)
    }
}

impl Nrm2 for f32 {
    fn nrm2(x: &[f32]) -> f32 {
        par::map_reduce(
            x.len(),
            par::per_f64::<f32>(REDUCE_THRESHOLD),
            |r| sumsq_wide(&x[r]),
            |a, b| a + b,
        )
        .sqrt() as f32
    }
    fn nrm2_strided(n: usize, x: &[f32], sx: Strided) -> f32 {
        if sx.is_unit() {
            return Self::nrm2(&x[sx.offset..sx.offset + n]);
        }
        let mut acc = 0.0f64;
        for_each1(n, sx, |i| acc += x[i] as f64 * x[i] as f64);
        acc.sqrt() as f32
    }
}

/// Euclidean norm `sqrt(Σ x²)`, safe from overflow/underflow like reference BLAS, at dot speed.
///
/// ```
/// assert_eq!(polycore_kernels::level1::nrm2(&[3.0f64, 4.0]), 5.0);
/// assert_eq!(polycore_kernels::level1::nrm2(&[3e300f64, 4e300]), 5e300);
/// ```
pub fn nrm2<T: Nrm2>(x: &[T]) -> T {
    T::nrm2(x)
}

/// Strided [`nrm2`] over `n` elements.
///
/// ```
/// use polycore_kernels::level1::{nrm2_strided, Strided};
/// assert_eq!(nrm2_strided(2, &[3.0f32, 9.0, 4.0], Strided::new(0, 2)), 5.0);
/// ```
pub fn nrm2_strided<T: Nrm2>(n: usize, x: &[T], sx: Strided) -> T {
    if n == 0 {
        return T::ZERO;
    }
    T::nrm2_strided(n, x, sx)
}

/// Sum of absolute values `Σ |x[i]|`.
///
/// ```
/// assert_eq!(polycore_kernels::level1::asum(&[1.0f64, -2.0, 3.0]), 6.0);
/// ```
pub fn asum<T: Real>(x: &[T]) -> T {
    par::map_reduce(
        x.len(),
        par::per_f64::<T>(REDUCE_THRESHOLD),
        |r| asum_kernel(&x[r]),
        |a, b| a + b,
    )
}

/// Strided [`asum`] over `n` elements.
///
/// ```
/// use polycore_kernels::level1::{asum_strided, Strided};
/// assert_eq!(asum_strided(2, &[-1.0f64, 5.0, -2.0], Strided::new(2, -2)), 3.0);
/// ```
pub fn asum_strided<T: Real>(n: usize, x: &[T], sx: Strided) -> T {
    if n == 0 {
        return T::ZERO;
    }
    if sx.is_unit() {
        return asum(&x[sx.offset..sx.offset + n]);
    }
    let mut acc = T::ZERO;
    for_each1(n, sx, |i| acc += x[i].abs());
    acc
}

/// First index of the largest |x| in `x` with NaN skipped, as `(max, index)`; `(−1, None)` when
/// nothing qualifies.
fn iamax_scan<T: Real>(x: &[T]) -> (T, Option<usize>) {
    const BLOCK: usize = 1024;
    let mut best = T::ZERO - T::ONE;
    let mut idx = None;
    for (b, blk) in x.chunks(BLOCK).enumerate() {
        let m = absmax_kernel(blk);
        if m > best {
            let j = find_abs(blk, m);
            best = m;
            idx = Some(b * BLOCK + j);
        }
    }
    (best, idx)
}

/// 0-based index of the first element with the largest |x[i]| (reference BLAS `i?amax` minus
/// one); `None` for an empty vector. NaN behaves as in reference BLAS: skipped, except that a
/// NaN first element is returned.
///
/// ```
/// assert_eq!(polycore_kernels::level1::iamax(&[1.0f64, -3.0, 3.0]), Some(1));
/// assert_eq!(polycore_kernels::level1::iamax::<f32>(&[]), None);
/// ```
pub fn iamax<T: Real>(x: &[T]) -> Option<usize> {
    let first = *x.first()?;
    if first.is_nan() {
        return Some(0);
    }
    let (_, idx) = par::map_reduce(
        x.len(),
        par::per_f64::<T>(REDUCE_THRESHOLD),
        |r| {
            let start = r.start;
            let (m, i) = iamax_scan(&x[r]);
            (m, i.map(|i| i + start))
        },
        // parts arrive in order: a later part wins only with a strictly larger |x|
        |a, b| if b.0 > a.0 { b } else { a },
    );
    idx.or(Some(0))
}

/// Strided [`iamax`] over `n` elements: returns the element number (`0..n`), not the buffer index.
///
/// ```
/// use polycore_kernels::level1::{iamax_strided, Strided};
/// assert_eq!(iamax_strided(3, &[9.0f64, 1.0, 2.0, 0.0, 3.0], Strided::new(0, 2)), Some(0));
/// ```
pub fn iamax_strided<T: Real>(n: usize, x: &[T], sx: Strided) -> Option<usize> {
    if n == 0 {
        return None;
    }
    if sx.is_unit() {
        return iamax(&x[sx.offset..sx.offset + n]);
    }
    let mut best = x[sx.offset].abs();
    if best.is_nan() {
        return Some(0);
    }
    let mut idx = 0;
    let mut k = 0;
    for_each1(n, sx, |i| {
        let a = x[i].abs();
        if a > best {
            best = a;
            idx = k;
        }
        k += 1;
    });
    Some(idx)
}
