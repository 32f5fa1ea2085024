//! BLAS level 3: `gemm`, general matrix multiply `C ← α·op(A)·op(B) + β·C`.
//!
//! Built on the [`gemm`](https://crates.io/crates/gemm) crate (packed, cache-blocked, run-time
//! dispatched AVX2+FMA / AVX-512 / NEON micro-kernels; measured against `matrixmultiply` and
//! OpenBLAS in `bench/kernels-gemm`). This module adds what BLAS callers expect: leading
//! dimensions, both layouts, transposes by strides (no copies), reference-BLAS special cases
//! (`β = 0` ignores the old `C`, `α = 0` or `k = 0` never reads `A`/`B`), shape checks that make
//! the raw-pointer call safe, and threading on the shared pool above a measured size.

use crate::float::Float;
use crate::gemm_shape::{check_matrix, Layout, ShapeError};
use crate::threads;

/// `m·n·k` below which gemm stays on the calling thread. Waking a parked thread costs about
/// 100 µs, which pays once one thread needs ≳ 0.5 ms: n ≈ 200–256 for f64 (≈ 45 GFLOP/s/core).
pub const GEMM_PARALLEL_MIN_WORK: usize = 200 * 200 * 200;

/// Shapes, scalars and options of one gemm call (all but the arrays).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GemmParams<T> {
    /// Storage order of all three matrices.
    pub layout: Layout,
    /// Use `Aᵀ` (A is stored `k × m`).
    pub trans_a: bool,
    /// Use `Bᵀ` (B is stored `n × k`).
    pub trans_b: bool,
    /// Rows of `op(A)` and `C`.
    pub m: usize,
    /// Columns of `op(B)` and `C`.
    pub n: usize,
    /// Columns of `op(A)`, rows of `op(B)`.
    pub k: usize,
    /// Scale of the product.
    pub alpha: T,
    /// Scale of the old `C` (0: `C` is not read).
    pub beta: T,
    /// Leading dimension of A.
    pub lda: usize,
    /// Leading dimension of B.
    pub ldb: usize,
    /// Leading dimension of C.
    pub ldc: usize,
}

impl<T: Float> GemmParams<T> {
    /// Row-major, no transposes, tight leading dimensions, `α = 1`, `β = 0`.
    ///
    /// ```
    /// let p = polycore_kernels::GemmParams::<f64>::new(2, 3, 4);
    /// assert_eq!((p.lda, p.ldb, p.ldc), (4, 3, 3));
    /// ```
    pub fn new(m: usize, n: usize, k: usize) -> Self {
        GemmParams {
            layout: Layout::RowMajor,
            trans_a: false,
            trans_b: false,
            m,
            n,
            k,
            alpha: T::from_f64(1.0),
            beta: T::ZERO,
            lda: k.max(1),
            ldb: n.max(1),
            ldc: n.max(1),
        }
    }

    /// Checks the leading dimensions and that `a`, `b`, `c` hold their matrices.
    pub fn check(&self, a_len: usize, b_len: usize, c_len: usize) -> Result<(), ShapeError> {
        let l = self.layout;
        let (ar, ac) = if self.trans_a {
            l.stored(self.k, self.m)
        } else {
            l.stored(self.m, self.k)
        };
        let (br, bc) = if self.trans_b {
            l.stored(self.n, self.k)
        } else {
            l.stored(self.k, self.n)
        };
        let (cr, cc) = l.stored(self.m, self.n);
        check_matrix("a", "lda", a_len, ar, ac, self.lda)?;
        check_matrix("b", "ldb", b_len, br, bc, self.ldb)?;
        check_matrix("c", "ldc", c_len, cr, cc, self.ldc)
    }
}

/// `C ← α·op(A)·op(B) + β·C` in place, f32 or f64.
///
/// Errors (naming the argument) when a leading dimension is below its minimum or an array is too
/// short for its matrix. NaN/Inf propagate as in reference BLAS, except that `β = 0` overwrites
/// `C` without reading it and `α = 0` (or `k = 0`) only scales `C`.
///
/// ```
/// use polycore_kernels::{gemm, GemmParams};
/// let a = [1.0f64, 2.0, 3.0, 4.0]; // 2×2 row-major
/// let b = [5.0f64, 6.0, 7.0, 8.0];
/// let mut c = [f64::NAN; 4];        // β = 0: old values are ignored
/// gemm(&GemmParams::new(2, 2, 2), &a, &b, &mut c).unwrap();
/// assert_eq!(c, [19.0, 22.0, 43.0, 50.0]);
/// ```
pub fn gemm<T: Float>(p: &GemmParams<T>, a: &[T], b: &[T], c: &mut [T]) -> Result<(), ShapeError> {
    gemm_with(p, a, b, c, Threading::Auto)
}

/// How [`gemm_with`] uses the shared pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threading {
    /// [`Threading::Crate`] at or above [`GEMM_PARALLEL_MIN_WORK`] with a pool of 2+ threads,
    /// else [`Threading::Single`] (what [`gemm()`] does). Crate beat Split in most cells measured
    /// here (`examples/gemm_crates.rs`): it shares packed panels instead of re-packing per block.
    Auto,
    /// The calling thread only.
    Single,
    /// The `gemm` crate's own rayon parallelism (shared packed panels, a barrier per block),
    /// run on the shared pool.
    Crate,
    /// C split into up to 4 blocks per thread (at least 64 rows/columns each) along its outer
    /// storage dimension, one single-threaded product per block, balanced by rayon work
    /// stealing on the shared pool (robust when a core is busy with something else).
    Split,
}

/// [`gemm()`] with an explicit threading strategy (for measuring; [`gemm()`] picks one).
///
/// ```
/// use polycore_kernels::{level3::{gemm_with, Threading}, GemmParams};
/// let mut c = [0.0f64; 4];
/// gemm_with(&GemmParams::new(2, 2, 1), &[1.0, 2.0], &[3.0, 4.0], &mut c, Threading::Split).unwrap();
/// assert_eq!(c, [3.0, 4.0, 6.0, 8.0]);
/// ```
pub fn gemm_with<T: Float>(
    p: &GemmParams<T>,
    a: &[T],
    b: &[T],
    c: &mut [T],
    threading: Threading,
) -> Result<(), ShapeError> {
    p.check(a.len(), b.len(), c.len())?;
    let (m, n, k) = (p.m, p.n, p.k);
    if m == 0 || n == 0 {
        return Ok(());
    }
    let (c_rs, c_cs) = p.layout.strides(p.ldc, false);
    if k == 0 || p.alpha == T::ZERO {
        scale(c, m, n, c_rs, c_cs, p.beta);
        return Ok(());
    }
    let (a_rs, a_cs) = p.layout.strides(p.lda, p.trans_a);
    let (b_rs, b_cs) = p.layout.strides(p.ldb, p.trans_b);
    let read_dst = p.beta != T::ZERO;
    let threads = threads::num_threads();
    let strides = [c_rs, c_cs, a_rs, a_cs, b_rs, b_cs];
    let threading = match threading {
        Threading::Auto
            if threads > 1 && m.saturating_mul(n).saturating_mul(k) >= GEMM_PARALLEL_MIN_WORK =>
        {
            Threading::Crate
        }
        Threading::Auto => Threading::Single,
        t => t,
    };
    match threading {
        Threading::Crate => {
            let pool = threads::pool();
            pool.install(|| {
                run_gemm(
                    p,
                    a,
                    b,
                    c,
                    strides,
                    read_dst,
                    gemm::Parallelism::Rayon(threads),
                )
            });
        }
        Threading::Split if threads > 1 => split(p, a, b, c, strides, read_dst, threads),
        _ => run_gemm(p, a, b, c, strides, read_dst, gemm::Parallelism::None),
    }
    Ok(())
}

/// [`Threading::Split`]: blocks of C's outer storage dimension (rows of a row-major C, columns of a
/// column-major one: contiguous, so each block is its own `&mut` chunk) on the shared pool.
fn split<T: Float>(
    p: &GemmParams<T>,
    a: &[T],
    b: &[T],
    c: &mut [T],
    strides: [isize; 6],
    read_dst: bool,
    threads: usize,
) {
    let [_, _, a_rs, _, _, b_cs] = strides;
    let row_major = p.layout == Layout::RowMajor;
    let outer = if row_major { p.m } else { p.n };
    // Several blocks per thread so work stealing can rebalance when a core is busy elsewhere;
    // at least 64 wide so re-packing B (or A) per block stays a small fraction of the work.
    let blocks = (threads * 4).min(outer / 64).max(threads);
    let ranges = threads::split_ranges(outer, blocks, 32);
    let last = ranges.len() - 1;
    threads::pool().scope(|s| {
        let mut rest: &mut [T] = c;
        for (i, r) in ranges.into_iter().enumerate() {
            // Block r of C starts at r.start·ldc; all but the last end where the next begins.
            let take = if i == last {
                rest.len()
            } else {
                r.len() * p.ldc
            };
            let (mine, tail) = std::mem::take(&mut rest).split_at_mut(take);
            rest = tail;
            let (sub, a_off, b_off) = if row_major {
                (GemmParams { m: r.len(), ..*p }, r.start * a_rs as usize, 0)
            } else {
                (GemmParams { n: r.len(), ..*p }, 0, r.start * b_cs as usize)
            };
            s.spawn(move |_| {
                let (a, b) = (&a[a_off..], &b[b_off..]);
                // A block of a checked product is a checked product; re-checked because the
                // SAFETY of run_gemm rests on it (costs a few integer operations).
                assert!(
                    sub.check(a.len(), b.len(), mine.len()).is_ok(),
                    "gemm block out of bounds"
                );
                run_gemm(&sub, a, b, mine, strides, read_dst, gemm::Parallelism::None);
            });
        }
    });
}

/// Calls the `gemm` crate on checked shapes. `strides` = C, A, B (row, column) strides.
fn run_gemm<T: Float>(
    p: &GemmParams<T>,
    a: &[T],
    b: &[T],
    c: &mut [T],
    strides: [isize; 6],
    read_dst: bool,
    par: gemm::Parallelism,
) {
    let [c_rs, c_cs, a_rs, a_cs, b_rs, b_cs] = strides;
    // SAFETY: `GemmParams::check` proved every (i, j) of op(A) (m×k), op(B) (k×n) and C (m×n)
    // reached through these strides lies inside `a`, `b` and `c`; `c` is a unique `&mut`, so it
    // does not overlap `a` or `b`. (The crate's `alpha` scales dst and its `beta` the product.)
    unsafe {
        gemm::gemm(
            p.m,
            p.n,
            p.k,
            c.as_mut_ptr(),
            c_cs,
            c_rs,
            read_dst,
            a.as_ptr(),
            a_cs,
            a_rs,
            b.as_ptr(),
            b_cs,
            b_rs,
            p.beta,
            p.alpha,
            false,
            false,
            false,
            par,
        )
    }
}

/// `C ← β·C` over a strided `m × n` matrix; `β = 0` writes zeros (old NaNs do not survive).
fn scale<T: Float>(c: &mut [T], m: usize, n: usize, rs: isize, cs: isize, beta: T) {
    if beta == T::from_f64(1.0) {
        return;
    }
    // Walk along the contiguous direction: rows of a row-major C, columns of a column-major one.
    let (outer, inner, os) = if cs == 1 {
        (m, n, rs as usize)
    } else {
        (n, m, cs as usize)
    };
    for o in 0..outer {
        let line = &mut c[o * os..o * os + inner];
        if beta == T::ZERO {
            line.fill(T::ZERO);
        } else {
            line.iter_mut().for_each(|v| *v = *v * beta);
        }
    }
}

/// Naive triple loop `C ← α·op(A)·op(B) + β·C` accumulated in f64 (tests and fuzzing reference;
/// shapes must already be checked). Same special cases as [`gemm()`].
///
/// ```
/// use polycore_kernels::{level3::gemm_reference, GemmParams};
/// let mut c = [0.0f32; 1];
/// gemm_reference(&GemmParams::new(1, 1, 2), &[1.0, 2.0], &[3.0, 4.0], &mut c);
/// assert_eq!(c, [11.0]);
/// ```
pub fn gemm_reference<T: Float>(p: &GemmParams<T>, a: &[T], b: &[T], c: &mut [T]) {
    let (a_rs, a_cs) = p.layout.strides(p.lda, p.trans_a);
    let (b_rs, b_cs) = p.layout.strides(p.ldb, p.trans_b);
    let (c_rs, c_cs) = p.layout.strides(p.ldc, false);
    let at = |i: usize, j: usize, rs: isize, cs: isize| i * rs as usize + j * cs as usize;
    for i in 0..p.m {
        for j in 0..p.n {
            let ci = at(i, j, c_rs, c_cs);
            let old = if p.beta == T::ZERO {
                0.0
            } else {
                p.beta.to_f64() * c[ci].to_f64()
            };
            if p.k == 0 || p.alpha == T::ZERO {
                c[ci] = T::from_f64(old);
                continue;
            }
            let mut s = 0.0f64;
            for l in 0..p.k {
                s += a[at(i, l, a_rs, a_cs)].to_f64() * b[at(l, j, b_rs, b_cs)].to_f64();
            }
            c[ci] = T::from_f64(p.alpha.to_f64() * s + old);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use super::*;
    use crate::gemm_shape::test_util::{min_len, rand_vec, Rng};

    /// Max |got − want| allowed: a few ulps of Σ|α·a·b| + |β·c| (f32 rounding of the output too).
    fn tolerance<T: Float>(
        p: &GemmParams<T>,
        a: &[T],
        b: &[T],
        c0: &[T],
        i: usize,
        j: usize,
        eps: f64,
    ) -> f64 {
        let (a_rs, a_cs) = p.layout.strides(p.lda, p.trans_a);
        let (b_rs, b_cs) = p.layout.strides(p.ldb, p.trans_b);
        let (c_rs, c_cs) = p.layout.strides(p.ldc, false);
        let mut s = 0.0;
        for l in 0..p.k {
            s += (a[i * a_rs as usize + l * a_cs as usize].to_f64()
                * b[l * b_rs as usize + j * b_cs as usize].to_f64())
            .abs();
        }
        let cterm = if p.beta == T::ZERO {
            0.0
        } else {
            (p.beta.to_f64() * c0[i * c_rs as usize + j * c_cs as usize].to_f64()).abs()
        };
        (p.k as f64 + 2.0) * eps * (p.alpha.to_f64().abs() * s + cterm) + f64::MIN_POSITIVE
    }

    fn check_case<T: Float + Debug>(rng: &mut Rng, p: GemmParams<T>, eps: f64) {
        let l = p.layout;
        let (ar, ac) = if p.trans_a {
            l.stored(p.k, p.m)
        } else {
            l.stored(p.m, p.k)
        };
        let (br, _) = if p.trans_b {
            l.stored(p.n, p.k)
        } else {
            l.stored(p.k, p.n)
        };
        let (cr, _) = l.stored(p.m, p.n);
        let a: Vec<T> = rand_vec(rng, min_len(ar, ac, p.lda));
        let b: Vec<T> = rand_vec(rng, br.max(1) * p.ldb);
        let c0: Vec<T> = rand_vec(rng, cr.max(1) * p.ldc);
        let mut got = c0.clone();
        let mut want = c0.clone();
        gemm(&p, &a, &b, &mut got).unwrap();
        gemm_reference(&p, &a, &b, &mut want);
        let (c_rs, c_cs) = l.strides(p.ldc, false);
        for i in 0..p.m {
            for j in 0..p.n {
                let idx = i * c_rs as usize + j * c_cs as usize;
                let tol = tolerance(&p, &a, &b, &c0, i, j, eps);
                let (g, w) = (got[idx].to_f64(), want[idx].to_f64());
                assert!(
                    (g - w).abs() <= tol,
                    "{p:?} at ({i},{j}): got {g}, want {w}, tol {tol}"
                );
            }
        }
        // Padding between rows (ld > minimum) and past the end must be untouched.
        let mut touched = vec![false; got.len()];
        for i in 0..p.m {
            for j in 0..p.n {
                touched[i * c_rs as usize + j * c_cs as usize] = true;
            }
        }
        for (idx, t) in touched.iter().enumerate() {
            if !t {
                assert!(
                    got[idx].to_f64().to_bits() == c0[idx].to_f64().to_bits(),
                    "{p:?}: padding {idx} changed"
                );
            }
        }
    }

    fn random_params<T: Float>(rng: &mut Rng, max: usize) -> GemmParams<T> {
        let m = rng.below(max + 1);
        let n = rng.below(max + 1);
        let k = rng.below(max + 1);
        let mut p = GemmParams::<T>::new(m, n, k);
        p.layout = if rng.below(2) == 0 {
            Layout::RowMajor
        } else {
            Layout::ColMajor
        };
        p.trans_a = rng.below(2) == 0;
        p.trans_b = rng.below(2) == 0;
        let pad = |rng: &mut Rng| if rng.below(3) == 0 { rng.below(5) } else { 0 };
        let (_, ac) = if p.trans_a {
            p.layout.stored(k, m)
        } else {
            p.layout.stored(m, k)
        };
        let (_, bc) = if p.trans_b {
            p.layout.stored(n, k)
        } else {
            p.layout.stored(k, n)
        };
        let (_, cc) = p.layout.stored(m, n);
        p.lda = ac.max(1) + pad(rng);
        p.ldb = bc.max(1) + pad(rng);
        p.ldc = cc.max(1) + pad(rng);
        let scalars = [0.0, 1.0, -1.0, 0.5, 2.5];
        p.alpha = T::from_f64(scalars[rng.below(scalars.len())]);
        p.beta = T::from_f64(scalars[rng.below(scalars.len())]);
        p
    }

    #[test]
    fn random_shapes_f64_match_reference() {
        let mut rng = Rng::new(11);
        for _ in 0..300 {
            let p = random_params::<f64>(&mut rng, 40);
            check_case(&mut rng, p, f64::EPSILON);
        }
    }

    #[test]
    fn random_shapes_f32_match_reference() {
        let mut rng = Rng::new(12);
        for _ in 0..300 {
            let p = random_params::<f32>(&mut rng, 40);
            check_case(&mut rng, p, f32::EPSILON as f64);
        }
    }

    #[test]
    fn larger_odd_sizes_match_reference() {
        let mut rng = Rng::new(13);
        for &(m, n, k) in &[
            (129usize, 67usize, 255usize),
            (301, 299, 97),
            (255, 257, 256),
            (1, 300, 300),
            (300, 1, 300),
        ] {
            let mut p = random_params::<f64>(&mut rng, 1);
            (p.m, p.n, p.k) = (m, n, k);
            let (_, ac) = if p.trans_a {
                p.layout.stored(k, m)
            } else {
                p.layout.stored(m, k)
            };
            let (_, bc) = if p.trans_b {
                p.layout.stored(n, k)
            } else {
                p.layout.stored(k, n)
            };
            let (_, cc) = p.layout.stored(m, n);
            (p.lda, p.ldb, p.ldc) = (ac + 3, bc, cc + 1);
            (p.alpha, p.beta) = (1.5, -0.5);
            check_case(&mut rng, p, f64::EPSILON);
            let mut q = GemmParams::<f32>::new(m, n, k);
            (q.layout, q.trans_a, q.trans_b, q.lda, q.ldb, q.ldc) =
                (p.layout, p.trans_a, p.trans_b, p.lda, p.ldb, p.ldc);
            check_case(&mut rng, q, f32::EPSILON as f64);
        }
    }

    #[test]
    fn threaded_path_matches_reference() {
        let mut rng = Rng::new(14);
        let n = 260;
        let p = GemmParams::<f64>::new(n, n, n);
        assert!(n * n * n >= GEMM_PARALLEL_MIN_WORK);
        check_case(&mut rng, p, f64::EPSILON);
    }

    #[test]
    fn every_threading_strategy_matches_reference() {
        let mut rng = Rng::new(15);
        for threading in [Threading::Single, Threading::Crate, Threading::Split] {
            for _ in 0..40 {
                let p = random_params::<f64>(&mut rng, 90);
                let l = p.layout;
                let (ar, ac) = if p.trans_a {
                    l.stored(p.k, p.m)
                } else {
                    l.stored(p.m, p.k)
                };
                let (br, bc) = if p.trans_b {
                    l.stored(p.n, p.k)
                } else {
                    l.stored(p.k, p.n)
                };
                let (cr, cc) = l.stored(p.m, p.n);
                let a: Vec<f64> = rand_vec(&mut rng, min_len(ar, ac, p.lda));
                let b: Vec<f64> = rand_vec(&mut rng, min_len(br, bc, p.ldb));
                let c0: Vec<f64> = rand_vec(&mut rng, min_len(cr, cc, p.ldc));
                let (mut got, mut want) = (c0.clone(), c0.clone());
                gemm_with(&p, &a, &b, &mut got, threading).unwrap();
                gemm_reference(&p, &a, &b, &mut want);
                for (g, w) in got.iter().zip(&want) {
                    assert!(
                        (g - w).abs() <= 1e-12 * (1.0 + w.abs()) * p.k.max(1) as f64,
                        "{threading:?} {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn beta_zero_ignores_nan_in_c_and_alpha_zero_ignores_a() {
        let p = GemmParams::<f64>::new(2, 2, 2);
        let mut c = [f64::NAN; 4];
        gemm(&p, &[1.0; 4], &[1.0; 4], &mut c).unwrap();
        assert_eq!(c, [2.0; 4]);
        let q = GemmParams {
            alpha: 0.0,
            beta: 2.0,
            ..p
        };
        let mut c = [1.0; 4];
        gemm(&q, &[f64::NAN; 4], &[1.0; 4], &mut c).unwrap();
        assert_eq!(c, [2.0; 4]);
    }

    #[test]
    fn nan_and_inf_in_inputs_propagate() {
        let p = GemmParams::<f32>::new(2, 2, 2);
        let mut c = [0.0f32; 4];
        gemm(&p, &[f32::NAN, 0.0, 1.0, 1.0], &[1.0; 4], &mut c).unwrap();
        assert!(c[0].is_nan() && c[1].is_nan() && c[2] == 2.0);
        let mut c = [0.0f32; 4];
        gemm(
            &p,
            &[f32::INFINITY, 1.0, 1.0, 1.0],
            &[0.0, 1.0, 1.0, 1.0],
            &mut c,
        )
        .unwrap();
        assert!(c[0].is_nan(), "inf·0 is NaN");
        let mut c = [f32::NAN; 4];
        gemm(&GemmParams { beta: 1.0, ..p }, &[1.0; 4], &[1.0; 4], &mut c).unwrap();
        assert!(c.iter().all(|v| v.is_nan()), "beta = 1 keeps NaN of old c");
    }

    #[test]
    fn bad_shapes_are_errors_naming_the_argument() {
        let p = GemmParams::<f64>::new(2, 2, 2);
        assert_eq!(
            gemm(&p, &[0.0; 3], &[0.0; 4], &mut [0.0; 4])
                .unwrap_err()
                .arg,
            "a"
        );
        assert_eq!(
            gemm(&p, &[0.0; 4], &[0.0; 3], &mut [0.0; 4])
                .unwrap_err()
                .arg,
            "b"
        );
        assert_eq!(
            gemm(&p, &[0.0; 4], &[0.0; 4], &mut [0.0; 3])
                .unwrap_err()
                .arg,
            "c"
        );
        let q = GemmParams { lda: 1, ..p };
        assert_eq!(
            gemm(&q, &[0.0; 4], &[0.0; 4], &mut [0.0; 4])
                .unwrap_err()
                .arg,
            "lda"
        );
    }

    #[test]
    fn empty_dimensions_are_fine() {
        let mut c = [5.0f64; 4];
        gemm(&GemmParams::new(0, 2, 2), &[], &[0.0; 4], &mut c).unwrap();
        gemm(&GemmParams::new(2, 0, 2), &[0.0; 4], &[], &mut c).unwrap();
        assert_eq!(c, [5.0; 4]);
        gemm(
            &GemmParams {
                beta: 0.5,
                ..GemmParams::new(2, 2, 0)
            },
            &[],
            &[],
            &mut c,
        )
        .unwrap();
        assert_eq!(c, [2.5; 4]);
    }
}
