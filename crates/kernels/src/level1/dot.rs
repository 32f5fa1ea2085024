//! `dot`: Σ x[i]·y[i] (hand-written AVX2+FMA, portable fallback, pool-split above a threshold).

use super::strided::{for_each2, Strided};
use crate::float::Float;
use crate::simd::par;

/// Elements below which a level-1 kernel stays on the calling thread: waking a parked thread costs
/// about 100 µs, which only pays once one thread needs ≳ 0.5 ms (≈ 1e6 f64 at memory speed).
pub const PARALLEL_THRESHOLD: usize = 1 << 20;

/// Dot product `Σ x[i]·y[i]` over the common length of `x` and `y` (callers check lengths).
///
/// Runs SIMD (AVX2+FMA when present) and splits across the shared pool above
/// [`PARALLEL_THRESHOLD`].
///
/// ```
/// assert_eq!(polycore_kernels::dot(&[1.0f32, 2.0], &[3.0, 4.0]), 11.0);
/// ```
pub fn dot<T: Float + SimdDot>(x: &[T], y: &[T]) -> T {
    let n = x.len().min(y.len());
    let (x, y) = (&x[..n], &y[..n]);
    par::map_reduce(
        n,
        par::per_f64::<T>(PARALLEL_THRESHOLD),
        |r| T::dot_serial(&x[r.clone()], &y[r]),
        |a, b| a + b,
    )
}

/// Dot product of `n` elements of two strided vectors (see [`Strided`]); panics when a view
/// does not fit its buffer (check with [`super::check`] first).
///
/// ```
/// use polycore_kernels::level1::{dot_strided, Strided};
/// let x = [1.0f64, 0.0, 2.0, 0.0, 3.0];
/// let y = [1.0f64, 1.0, 1.0];
/// assert_eq!(dot_strided(3, &x, Strided::new(0, 2), &y, Strided::UNIT), 6.0);
/// ```
pub fn dot_strided<T: Float + SimdDot>(n: usize, x: &[T], sx: Strided, y: &[T], sy: Strided) -> T {
    if n == 0 {
        return T::ZERO;
    }
    if sx.is_unit() && sy.is_unit() {
        return dot(&x[sx.offset..sx.offset + n], &y[sy.offset..sy.offset + n]);
    }
    let mut acc = T::ZERO;
    for_each2(n, sx, sy, |i, j| acc += x[i] * y[j]);
    acc
}

/// Serial dot, with the fastest SIMD path for the element type.
pub trait SimdDot: Float {
    /// One-thread dot product of equal-length slices.
    fn dot_serial(x: &[Self], y: &[Self]) -> Self;
}

impl SimdDot for f64 {
    fn dot_serial(x: &[f64], y: &[f64]) -> f64 {
        #[cfg(target_arch = "x86_64")]
        if crate::cpu::has_avx2_fma() {
            // SAFETY: AVX2 and FMA were detected at run time just above.
            return unsafe { avx2::dot_f64(x, y) };
        }
        dot_portable(x, y)
    }
}

impl SimdDot for f32 {
    fn dot_serial(x: &[f32], y: &[f32]) -> f32 {
        #[cfg(target_arch = "x86_64")]
        if crate::cpu::has_avx2_fma() {
            // SAFETY: AVX2 and FMA were detected at run time just above.
            return unsafe { avx2::dot_f32(x, y) };
        }
        dot_portable(x, y)
    }
}

/// Portable dot with 8 independent accumulators (vectorizable by LLVM, no FMA assumed).
pub fn dot_portable<T: Float>(x: &[T], y: &[T]) -> T {
    let n = x.len().min(y.len());
    let mut acc = [T::ZERO; 8];
    let chunks = n / 8;
    for c in 0..chunks {
        let b = c * 8;
        for j in 0..8 {
            acc[j] += x[b + j] * y[b + j];
        }
    }
    let mut tail = T::ZERO;
    for i in chunks * 8..n {
        tail += x[i] * y[i];
    }
    ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7])) + tail
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn hsum_pd(v: __m256d) -> f64 {
        let lo = _mm256_castpd256_pd128(v);
        let hi = _mm256_extractf128_pd(v, 1);
        let s = _mm_add_pd(lo, hi);
        let h = _mm_unpackhi_pd(s, s);
        _mm_cvtsd_f64(_mm_add_sd(s, h))
    }

    #[inline]
    #[target_feature(enable = "avx2,fma")]
    unsafe fn hsum_ps(v: __m256) -> f32 {
        let lo = _mm256_castps256_ps128(v);
        let hi = _mm256_extractf128_ps(v, 1);
        let s = _mm_add_ps(lo, hi);
        let s = _mm_add_ps(s, _mm_movehl_ps(s, s));
        let s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 0b01));
        _mm_cvtss_f32(s)
    }

    /// AVX2+FMA f64 dot: 4 accumulators of 4 lanes hide the FMA latency.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn dot_f64(x: &[f64], y: &[f64]) -> f64 {
        let n = x.len().min(y.len());
        let (px, py) = (x.as_ptr(), y.as_ptr());
        let mut a0 = _mm256_setzero_pd();
        let mut a1 = _mm256_setzero_pd();
        let mut a2 = _mm256_setzero_pd();
        let mut a3 = _mm256_setzero_pd();
        let mut i = 0;
        while i + 16 <= n {
            a0 = _mm256_fmadd_pd(_mm256_loadu_pd(px.add(i)), _mm256_loadu_pd(py.add(i)), a0);
            a1 = _mm256_fmadd_pd(
                _mm256_loadu_pd(px.add(i + 4)),
                _mm256_loadu_pd(py.add(i + 4)),
                a1,
            );
            a2 = _mm256_fmadd_pd(
                _mm256_loadu_pd(px.add(i + 8)),
                _mm256_loadu_pd(py.add(i + 8)),
                a2,
            );
            a3 = _mm256_fmadd_pd(
                _mm256_loadu_pd(px.add(i + 12)),
                _mm256_loadu_pd(py.add(i + 12)),
                a3,
            );
            i += 16;
        }
        while i + 4 <= n {
            a0 = _mm256_fmadd_pd(_mm256_loadu_pd(px.add(i)), _mm256_loadu_pd(py.add(i)), a0);
            i += 4;
        }
        let mut s = hsum_pd(_mm256_add_pd(_mm256_add_pd(a0, a1), _mm256_add_pd(a2, a3)));
        while i < n {
            s = (*px.add(i)).mul_add(*py.add(i), s);
            i += 1;
        }
        s
    }

    /// AVX2+FMA f32 dot: 4 accumulators of 8 lanes.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn dot_f32(x: &[f32], y: &[f32]) -> f32 {
        let n = x.len().min(y.len());
        let (px, py) = (x.as_ptr(), y.as_ptr());
        let mut a0 = _mm256_setzero_ps();
        let mut a1 = _mm256_setzero_ps();
        let mut a2 = _mm256_setzero_ps();
        let mut a3 = _mm256_setzero_ps();
        let mut i = 0;
        while i + 32 <= n {
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(px.add(i)), _mm256_loadu_ps(py.add(i)), a0);
            a1 = _mm256_fmadd_ps(
                _mm256_loadu_ps(px.add(i + 8)),
                _mm256_loadu_ps(py.add(i + 8)),
                a1,
            );
            a2 = _mm256_fmadd_ps(
                _mm256_loadu_ps(px.add(i + 16)),
                _mm256_loadu_ps(py.add(i + 16)),
                a2,
            );
            a3 = _mm256_fmadd_ps(
                _mm256_loadu_ps(px.add(i + 24)),
                _mm256_loadu_ps(py.add(i + 24)),
                a3,
            );
            i += 32;
        }
        while i + 8 <= n {
            a0 = _mm256_fmadd_ps(_mm256_loadu_ps(px.add(i)), _mm256_loadu_ps(py.add(i)), a0);
            i += 8;
        }
        let mut s = hsum_ps(_mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3)));
        while i < n {
            s = (*px.add(i)).mul_add(*py.add(i), s);
            i += 1;
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(x: &[f64], y: &[f64]) -> f64 {
        x.iter().zip(y).map(|(a, b)| a * b).sum()
    }

    fn data(n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn zero_length_is_zero() {
        assert_eq!(dot::<f64>(&[], &[]), 0.0);
        assert_eq!(dot::<f32>(&[], &[]), 0.0);
    }

    #[test]
    fn f64_matches_reference_at_odd_sizes() {
        for n in [1usize, 3, 4, 15, 16, 17, 33, 100, 1001, 4099] {
            let (x, y) = (data(n, 1), data(n, 2));
            let want = reference(&x, &y);
            let tol = 4.0
                * f64::EPSILON
                * n as f64
                * x.iter()
                    .zip(&y)
                    .map(|(a, b)| (a * b).abs())
                    .sum::<f64>()
                    .max(1.0);
            assert!((dot(&x, &y) - want).abs() <= tol, "n={n}");
            assert!((dot_portable(&x, &y) - want).abs() <= tol, "portable n={n}");
        }
    }

    #[test]
    fn f32_matches_reference_at_odd_sizes() {
        for n in [1usize, 7, 8, 31, 32, 33, 999] {
            let (x, y) = (data(n, 3), data(n, 4));
            let (xf, yf): (Vec<f32>, Vec<f32>) = (
                x.iter().map(|&v| v as f32).collect(),
                y.iter().map(|&v| v as f32).collect(),
            );
            let want: f64 = xf.iter().zip(&yf).map(|(&a, &b)| a as f64 * b as f64).sum();
            let tol = 4.0 * f32::EPSILON as f64 * n as f64;
            assert!((dot(&xf, &yf) as f64 - want).abs() <= tol, "n={n}");
        }
    }

    #[test]
    fn threaded_path_matches_serial() {
        let n = PARALLEL_THRESHOLD * 2 + 13;
        let (x, y) = (data(n, 5), data(n, 6));
        let serial = f64::dot_serial(&x, &y);
        let par = dot(&x, &y);
        assert!((serial - par).abs() <= 1e-9 * n as f64);
    }

    #[test]
    fn uses_common_length() {
        assert_eq!(dot(&[1.0f64, 2.0, 3.0], &[1.0, 1.0]), 3.0);
    }

    #[test]
    fn strided_matches_gathered() {
        let x = data(40, 9);
        let y = data(40, 10);
        for (n, sx, sy) in [
            (10, Strided::new(0, 3), Strided::new(39, -4)),
            (7, Strided::new(5, 1), Strided::new(6, 1)),
            (13, Strided::new(36, -3), Strided::new(0, 2)),
        ] {
            let want: f64 = (0..n).map(|i| x[sx.at(i)] * y[sy.at(i)]).sum();
            assert!(
                (dot_strided(n, &x, sx, &y, sy) - want).abs() < 1e-12,
                "n={n}"
            );
        }
    }

    #[test]
    fn nan_propagates() {
        assert!(dot(&[f64::NAN, 1.0], &[1.0, 1.0]).is_nan());
    }
}
