//! Reductions over one contiguous vector: `sum` (pairwise or compensated), `min`, `max`, `mean`,
//! `variance`.
//!
//! Pairwise sums add 1024-element blocks in 32 independent lanes and combine blocks as a binary
//! tree, so the error grows like `(32 + log₂ n)·eps·Σ|x|` instead of `n·eps·Σ|x|`; the
//! compensated sum keeps a TwoSum error term per lane (error ≈ `eps·|Σx| + n·eps²·Σ|x|`).
//! Large inputs split across the pool above [`REDUCTION_THRESHOLD`].

use crate::level1::tree_sum;
use crate::simd::{multiversion, par, Real, LANES};

/// Elements above which reductions split across the pool.
pub const REDUCTION_THRESHOLD: usize = 1 << 20;

/// Elements summed linearly (in 32 lanes) before the pairwise tree takes over.
const PAIRWISE_BLOCK: usize = 1024;

/// How [`sum`] controls rounding error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SumMethod {
    /// Blocked pairwise summation (numpy's method): fast, error `O(log n · eps)`.
    #[default]
    Pairwise,
    /// Compensated (Kahan–Babuška/TwoSum per lane): error `O(eps)` independent of `n`.
    Kahan,
}

multiversion! {
    fn lane_sum<T: Real>(x: &[T]) -> T {
        let mut acc = [T::ZERO; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                acc[j] += c[j];
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            acc[j] += v;
        }
        tree_sum(&mut acc)
    }
}

/// Knuth's TwoSum: `(s, e)` with `s = fl(a + b)` and `a + b = s + e` exactly.
#[inline(always)]
fn two_sum<T: Real>(a: T, b: T) -> (T, T) {
    let s = a + b;
    let z = s - a;
    (s, (a - (s - z)) + (b - z))
}

multiversion! {
    /// `(sum, error)` with `sum + error` ≈ Σx to about one rounding.
    fn kahan_lanes<T: Real>(x: &[T]) -> (T, T) {
        let mut s = [T::ZERO; LANES];
        let mut e = [T::ZERO; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                let (t, err) = two_sum(s[j], c[j]);
                s[j] = t;
                e[j] += err;
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            let (t, err) = two_sum(s[j], v);
            s[j] = t;
            e[j] += err;
        }
        let (mut total, mut err) = (T::ZERO, T::ZERO);
        for j in 0..LANES {
            let (t, r) = two_sum(total, s[j]);
            total = t;
            err += r + e[j];
        }
        (total, err)
    }
}

multiversion! {
    /// `(min, max)` of a non-empty slice; NaN wins both.
    fn min_max_kernel<T: Real>(x: &[T]) -> (T, T) {
        let mut lo = [x[0]; LANES];
        let mut hi = [x[0]; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                let v = c[j];
                lo[j] = if v.is_nan() || v < lo[j] { v } else { lo[j] };
                hi[j] = if v.is_nan() || v > hi[j] { v } else { hi[j] };
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            lo[j] = if v.is_nan() || v < lo[j] { v } else { lo[j] };
            hi[j] = if v.is_nan() || v > hi[j] { v } else { hi[j] };
        }
        let pick = |m: &[T; LANES], less: bool| {
            m.iter().fold(m[0], |a, &v| if v.is_nan() || (if less { v < a } else { v > a }) { v } else { a })
        };
        (pick(&lo, true), pick(&hi, false))
    }
}

multiversion! {
    /// `(Σ (x − m)², Σ (x − m))` for the corrected two-pass variance.
    fn dev_sums<T: Real>(x: &[T], m: T) -> (T, T) {
        let mut sq = [T::ZERO; LANES];
        let mut d = [T::ZERO; LANES];
        let mut chunks = x.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                let v = c[j] - m;
                sq[j] += v * v;
                d[j] += v;
            }
        }
        for (j, &v) in chunks.remainder().iter().enumerate() {
            let v = v - m;
            sq[j] += v * v;
            d[j] += v;
        }
        (tree_sum(&mut sq), tree_sum(&mut d))
    }
}

fn pairwise<T: Real>(x: &[T]) -> T {
    if x.len() <= PAIRWISE_BLOCK {
        return lane_sum(x);
    }
    let half = (x.len() / 2).div_ceil(PAIRWISE_BLOCK) * PAIRWISE_BLOCK;
    let (a, b) = x.split_at(half.min(x.len()));
    pairwise(a) + pairwise(b)
}

fn pairwise_par<T: Real>(x: &[T]) -> T {
    par::map_reduce(
        x.len(),
        par::per_f64::<T>(REDUCTION_THRESHOLD),
        |r| pairwise(&x[r]),
        |a, b| a + b,
    )
}

/// `Σ x[i]`; 0 for an empty slice.
///
/// ```
/// use polycore_kernels::reductions::{sum, SumMethod};
/// assert_eq!(sum(&[1.0f64, 2.0, 3.0], SumMethod::Pairwise), 6.0);
/// assert_eq!(sum(&[1e16f64, 1.0, -1e16], SumMethod::Kahan), 1.0);
/// ```
pub fn sum<T: Real>(x: &[T], method: SumMethod) -> T {
    match method {
        SumMethod::Pairwise => pairwise_par(x),
        SumMethod::Kahan => {
            let (total, err) = par::map_reduce(
                x.len(),
                par::per_f64::<T>(REDUCTION_THRESHOLD),
                |r| kahan_lanes(&x[r]),
                |(s1, e1), (s2, e2)| {
                    let (t, r) = two_sum(s1, s2);
                    (t, e1 + e2 + r)
                },
            );
            // With ±Inf or NaN in x the error terms are NaN (Inf − Inf); the plain sum is right.
            if total.is_nan() || total == T::INF || total == -T::INF {
                return total;
            }
            total + err
        }
    }
}

fn min_max<T: Real>(x: &[T]) -> Option<(T, T)> {
    if x.is_empty() {
        return None;
    }
    Some(par::map_reduce(
        x.len(),
        par::per_f64::<T>(REDUCTION_THRESHOLD),
        |r| min_max_kernel(&x[r]),
        |(lo, hi), (l, h)| {
            (
                if l.is_nan() || l < lo { l } else { lo },
                if h.is_nan() || h > hi { h } else { hi },
            )
        },
    ))
}

/// Smallest element (NaN if any element is NaN); `None` for an empty slice.
///
/// ```
/// assert_eq!(polycore_kernels::reductions::min(&[3.0f32, -1.0, 2.0]), Some(-1.0));
/// ```
pub fn min<T: Real>(x: &[T]) -> Option<T> {
    min_max(x).map(|m| m.0)
}

/// Largest element (NaN if any element is NaN); `None` for an empty slice.
///
/// ```
/// assert_eq!(polycore_kernels::reductions::max(&[3.0f64, -1.0, 2.0]), Some(3.0));
/// ```
pub fn max<T: Real>(x: &[T]) -> Option<T> {
    min_max(x).map(|m| m.1)
}

/// Arithmetic mean (pairwise sum / n); NaN for an empty slice.
///
/// ```
/// assert_eq!(polycore_kernels::reductions::mean(&[1.0f64, 2.0, 6.0]), 3.0);
/// ```
pub fn mean<T: Real>(x: &[T]) -> T {
    if x.is_empty() {
        return T::NAN;
    }
    pairwise_par(x) / T::from_usize(x.len())
}

/// Variance `Σ (x − mean)² / (n − ddof)` by the corrected two-pass algorithm; NaN when
/// `n <= ddof`.
///
/// ```
/// assert_eq!(polycore_kernels::reductions::variance(&[1.0f64, 2.0, 3.0, 4.0], 0), 1.25);
/// assert_eq!(polycore_kernels::reductions::variance(&[1.0f64, 2.0, 3.0, 4.0], 1), 5.0 / 3.0);
/// ```
pub fn variance<T: Real>(x: &[T], ddof: usize) -> T {
    let n = x.len();
    if n <= ddof {
        return T::NAN;
    }
    let m = mean(x);
    let (sq, d) = par::map_reduce(
        n,
        par::per_f64::<T>(REDUCTION_THRESHOLD),
        |r| dev_sums(&x[r], m),
        |a, b| (a.0 + b.0, a.1 + b.1),
    );
    (sq - d * d / T::from_usize(n)) / T::from_usize(n - ddof)
}

#[cfg(test)]
mod tests;
