//! Property tests of the level-1 kernels against plain f64 reference loops: many sizes (odd,
//! around SIMD widths, past the threading threshold), strides including negative ones, f32 and
//! f64, with tolerances derived from the operation.

use super::*;
use crate::simd::Real;

/// A seeded LCG in [-1, 1).
pub(crate) fn data(n: usize, seed: u64) -> Vec<f64> {
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

const SIZES: &[usize] = &[
    0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100, 1000, 1023, 1025, 4097,
];
const BIG: usize = (1 << 21) + 37;
const STRIDES: &[(isize, isize)] = &[(1, 1), (2, 1), (1, -1), (-3, 2), (-1, -2)];

fn conv<T: Real>(v: &[f64]) -> Vec<T> {
    v.iter().map(|&x| T::from_f64(x)).collect()
}

fn view(n: usize, inc: isize) -> Strided {
    Strided::new(
        if inc < 0 {
            (n.max(1) - 1) * inc.unsigned_abs()
        } else {
            0
        },
        inc,
    )
}

fn buf_len(n: usize, inc: isize) -> usize {
    if n == 0 {
        0
    } else {
        (n - 1) * inc.unsigned_abs() + 1
    }
}

fn check_dot<T: Real + SimdDot>(eps: f64) {
    for &n in SIZES.iter().chain([BIG].iter()) {
        for &(ix, iy) in STRIDES {
            if n == BIG && (ix, iy) != (1, 1) {
                continue;
            }
            let (sx, sy) = (view(n, ix), view(n, iy));
            let x: Vec<T> = conv(&data(buf_len(n, ix), n as u64));
            let y: Vec<T> = conv(&data(buf_len(n, iy), n as u64 + 99));
            let (mut want, mut scale) = (0.0, 0.0);
            for i in 0..n {
                let p = x[sx.at(i)].to_f64() * y[sy.at(i)].to_f64();
                want += p;
                scale += p.abs();
            }
            let got = dot_strided(n, &x, sx, &y, sy).to_f64();
            assert!(
                (got - want).abs() <= 2.0 * n as f64 * eps * scale + 1e-300,
                "dot n={n} inc=({ix},{iy})"
            );
        }
    }
}

#[test]
fn dot_matches_reference() {
    check_dot::<f64>(f64::EPSILON);
    check_dot::<f32>(f32::EPSILON as f64);
}

fn check_updates<T: Real>(eps: f64) {
    let (alpha, c, s) = (0.75, 0.6, 0.8);
    for &n in SIZES.iter().chain([BIG].iter()) {
        for &(ix, iy) in STRIDES {
            if n == BIG && (ix, iy) != (1, 1) {
                continue;
            }
            let (sx, sy) = (view(n, ix), view(n, iy));
            let x0: Vec<T> = conv(&data(buf_len(n, ix), 3 + n as u64));
            let y0: Vec<T> = conv(&data(buf_len(n, iy), 5 + n as u64));
            let tol = |v: f64| 4.0 * eps * v.abs().max(1.0);
            // axpy
            let mut y = y0.clone();
            axpy_strided(n, T::from_f64(alpha), &x0, sx, &mut y, sy);
            for i in 0..n {
                let want = y0[sy.at(i)].to_f64() + alpha * x0[sx.at(i)].to_f64();
                assert!(
                    (y[sy.at(i)].to_f64() - want).abs() <= tol(want),
                    "axpy n={n} i={i}"
                );
            }
            // scal
            let mut x = x0.clone();
            scal_strided(n, T::from_f64(alpha), &mut x, sx);
            for i in 0..n {
                let want = alpha * x0[sx.at(i)].to_f64();
                assert!(
                    (x[sx.at(i)].to_f64() - want).abs() <= tol(want),
                    "scal n={n}"
                );
            }
            // copy
            let mut y = y0.clone();
            copy_strided(n, &x0, sx, &mut y, sy);
            for i in 0..n {
                assert!(y[sy.at(i)] == x0[sx.at(i)], "copy n={n}");
            }
            // swap
            let (mut x, mut y) = (x0.clone(), y0.clone());
            swap_strided(n, &mut x, sx, &mut y, sy);
            for i in 0..n {
                assert!(x[sx.at(i)] == y0[sy.at(i)], "swap n={n}");
                assert!(y[sy.at(i)] == x0[sx.at(i)], "swap n={n}");
            }
            // rot
            let (mut x, mut y) = (x0.clone(), y0.clone());
            rot_strided(n, &mut x, sx, &mut y, sy, T::from_f64(c), T::from_f64(s));
            for i in 0..n {
                let (a, b) = (x0[sx.at(i)].to_f64(), y0[sy.at(i)].to_f64());
                assert!(
                    (x[sx.at(i)].to_f64() - (c * a + s * b)).abs() <= tol(2.0),
                    "rot x n={n}"
                );
                assert!(
                    (y[sy.at(i)].to_f64() - (c * b - s * a)).abs() <= tol(2.0),
                    "rot y n={n}"
                );
            }
        }
    }
}

#[test]
fn updates_match_reference() {
    check_updates::<f64>(f64::EPSILON);
    check_updates::<f32>(f32::EPSILON as f64);
}

fn check_norms<T: Real + Nrm2>(eps: f64) {
    for &n in SIZES.iter().chain([BIG].iter()) {
        for &(ix, _) in STRIDES {
            if n == BIG && ix != 1 {
                continue;
            }
            let sx = view(n, ix);
            let x: Vec<T> = conv(&data(buf_len(n, ix), 11 + n as u64));
            let vals: Vec<f64> = (0..n).map(|i| x[sx.at(i)].to_f64()).collect();
            let ss: f64 = vals.iter().map(|v| v * v).sum();
            let abs: f64 = vals.iter().map(|v| v.abs()).sum();
            let got = nrm2_strided(n, &x, sx).to_f64();
            assert!(
                (got - ss.sqrt()).abs() <= 2.0 * n as f64 * eps * ss.sqrt() + 1e-300,
                "nrm2 n={n} inc={ix}"
            );
            let got = asum_strided(n, &x, sx).to_f64();
            assert!(
                (got - abs).abs() <= 2.0 * n as f64 * eps * abs + 1e-300,
                "asum n={n}"
            );
            let want = (0..n).fold(None, |best: Option<usize>, i| match best {
                Some(b) if vals[i].abs() <= vals[b].abs() => Some(b),
                _ => Some(i),
            });
            assert_eq!(iamax_strided(n, &x, sx), want, "iamax n={n} inc={ix}");
        }
    }
}

#[test]
fn norms_match_reference() {
    check_norms::<f64>(f64::EPSILON);
    check_norms::<f32>(f32::EPSILON as f64);
}

#[test]
fn nrm2_is_overflow_and_underflow_safe() {
    for scale in [1e-300, 1e-160, 1e-20, 1.0, 1e20, 1e160, 1e300] {
        let x: Vec<f64> = [3.0, 4.0, 0.0, 12.0].iter().map(|v| v * scale).collect();
        let got = nrm2(&x);
        assert!(
            (got / (13.0 * scale) - 1.0).abs() < 4.0 * f64::EPSILON,
            "scale {scale}: {got}"
        );
        let s = Strided::new(3, -1);
        assert!((nrm2_strided(4, &x, s) / (13.0 * scale) - 1.0).abs() < 4.0 * f64::EPSILON);
    }
    // mixed huge and tiny (reference BLAS drops the tiny ones relative to the huge)
    let x = [1e300, 1e-300, 1e300];
    assert!((nrm2(&x) / (2f64.sqrt() * 1e300) - 1.0).abs() < 4.0 * f64::EPSILON);
    let x32 = [3e30f32, 4e30, 1e-30];
    assert!((nrm2(&x32) / 5e30 - 1.0).abs() < 2.0 * f32::EPSILON);
    assert_eq!(nrm2(&[f64::MAX, f64::MAX]), f64::MAX * 2f64.sqrt());
    assert_eq!(
        nrm2(&[f64::MIN_POSITIVE / 1024.0; 4]),
        f64::MIN_POSITIVE / 512.0
    );
}

#[test]
fn nan_and_inf_follow_reference_blas() {
    let nan = f64::NAN;
    let inf = f64::INFINITY;
    assert!(nrm2(&[1.0, nan, 2.0]).is_nan());
    assert_eq!(nrm2(&[1.0, -inf, 2.0]), inf);
    assert!(nrm2(&[inf, nan]).is_nan());
    assert!(asum(&[1.0, nan]).is_nan());
    assert!(dot(&[inf, 0.0], &[0.0, 1.0]).is_nan());
    // iamax: NaN skipped unless first; Inf wins
    assert_eq!(iamax(&[1.0, nan, 3.0, -3.0]), Some(2));
    assert_eq!(iamax(&[nan, 5.0]), Some(0));
    assert_eq!(iamax(&[1.0, -inf, inf]), Some(1));
    let mut long = vec![0.5f32; 3000];
    long[2999] = f32::NAN;
    long[1500] = -2.0;
    assert_eq!(iamax(&long), Some(1500));
    // axpy with alpha = 0 leaves y (reference BLAS quick return); scal multiplies NaN through
    let mut y = [1.0, 2.0];
    axpy(0.0, &[nan, nan], &mut y);
    assert_eq!(y, [1.0, 2.0]);
    let mut x = [nan, 1.0];
    scal(0.0, &mut x);
    assert!(x[0].is_nan() && x[1] == 0.0);
}

#[test]
fn iamax_picks_first_of_ties_across_threads() {
    let mut x = vec![1.0f64; BIG];
    x[BIG - 5] = -9.0;
    x[BIG / 2 + 3] = 9.0;
    assert_eq!(iamax(&x), Some(BIG / 2 + 3));
    x[7] = 9.0;
    assert_eq!(iamax(&x), Some(7));
}

#[test]
fn within_kernels_act_like_separate_vectors() {
    // two interleaved rows of a 2×n row-major matrix
    let n = 37;
    let m0 = data(2 * n, 42);
    let (sx, sy) = (Strided::new(0, 2), Strided::new(1, 2));
    let x: Vec<f64> = (0..n).map(|i| m0[2 * i]).collect();
    let y: Vec<f64> = (0..n).map(|i| m0[2 * i + 1]).collect();
    let mut m = m0.clone();
    axpy_within(n, 2.0, &mut m, sx, sy);
    let mut y2 = y.clone();
    axpy(2.0, &x, &mut y2);
    assert!((0..n).all(|i| m[2 * i + 1] == y2[i] && m[2 * i] == x[i]));
    let mut m = m0.clone();
    rot_within(n, &mut m, sx, sy, 0.6, 0.8);
    let (mut x2, mut y2) = (x.clone(), y.clone());
    rot(&mut x2, &mut y2, 0.6, 0.8);
    assert!((0..n).all(|i| m[2 * i] == x2[i] && m[2 * i + 1] == y2[i]));
    let mut m = m0.clone();
    swap_within(n, &mut m, sx, sy);
    assert!((0..n).all(|i| m[2 * i] == y[i] && m[2 * i + 1] == x[i]));
    let mut m = m0.clone();
    copy_within(n, &mut m, sx, sy);
    assert!((0..n).all(|i| m[2 * i + 1] == x[i]));
}
