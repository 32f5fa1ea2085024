use std::fmt::Debug;

use super::*;
use crate::gemm_shape::test_util::{min_len, rand_vec, Rng};

/// Element (i, j) of the logical A.
fn at(layout: Layout, lda: usize, i: usize, j: usize) -> usize {
    match layout {
        Layout::RowMajor => i * lda + j,
        Layout::ColMajor => i + j * lda,
    }
}

/// f64 reference gemv with the tolerance for each output element.
fn gemv_reference<T: Float>(
    p: &GemvParams<T>,
    a: &[T],
    x: &[T],
    y0: &[T],
    eps: f64,
) -> Vec<(f64, f64)> {
    let (nx, ny) = p.vector_lens();
    (0..ny)
        .map(|o| {
            let (mut s, mut mag) = (0.0f64, 0.0f64);
            for q in 0..nx {
                let aij = if p.trans {
                    a[at(p.layout, p.lda, q, o)]
                } else {
                    a[at(p.layout, p.lda, o, q)]
                };
                let t = aij.to_f64() * x[q * p.incx].to_f64();
                s += t;
                mag += t.abs();
            }
            let old = if p.beta == T::ZERO {
                0.0
            } else {
                p.beta.to_f64() * y0[o * p.incy].to_f64()
            };
            let prod = if p.alpha == T::ZERO {
                0.0
            } else {
                p.alpha.to_f64() * s
            };
            let tol = (nx as f64 + 2.0) * eps * (p.alpha.to_f64().abs() * mag + old.abs())
                + f64::MIN_POSITIVE;
            (prod + old, tol)
        })
        .collect()
}

fn random_gemv<T: Float>(rng: &mut Rng, max: usize) -> GemvParams<T> {
    let mut p = GemvParams::<T>::new(rng.below(max + 1), rng.below(max + 1));
    p.layout = if rng.below(2) == 0 {
        Layout::RowMajor
    } else {
        Layout::ColMajor
    };
    p.trans = rng.below(2) == 0;
    p.lda = p.layout.stored(p.m, p.n).1.max(1) + if rng.below(3) == 0 { rng.below(4) } else { 0 };
    p.incx = 1 + if rng.below(3) == 0 { rng.below(3) } else { 0 };
    p.incy = 1 + if rng.below(3) == 0 { rng.below(3) } else { 0 };
    let scalars = [0.0, 1.0, -1.0, 0.5, 3.0];
    p.alpha = T::from_f64(scalars[rng.below(5)]);
    p.beta = T::from_f64(scalars[rng.below(5)]);
    p
}

fn check_gemv<T: Dot4 + Debug>(rng: &mut Rng, p: GemvParams<T>, eps: f64) {
    let (rows, cols) = p.layout.stored(p.m, p.n);
    let (nx, ny) = p.vector_lens();
    let a: Vec<T> = rand_vec(rng, min_len(rows, cols, p.lda));
    let x: Vec<T> = rand_vec(rng, min_len(nx, 1, p.incx));
    let y0: Vec<T> = rand_vec(rng, min_len(ny, 1, p.incy) + 2);
    let mut y = y0.clone();
    gemv(&p, &a, &x, &mut y).unwrap();
    let want = gemv_reference(&p, &a, &x, &y0, eps);
    for (o, (w, tol)) in want.iter().enumerate() {
        let g = y[o * p.incy].to_f64();
        assert!((g - w).abs() <= *tol, "{p:?} y[{o}]: got {g}, want {w}");
    }
    for (idx, (g, o)) in y.iter().zip(&y0).enumerate() {
        if idx % p.incy != 0 || idx / p.incy >= ny {
            assert_eq!(
                g.to_f64().to_bits(),
                o.to_f64().to_bits(),
                "{p:?}: y[{idx}] between strides changed"
            );
        }
    }
}

#[test]
fn gemv_random_shapes_match_reference() {
    let mut rng = Rng::new(21);
    for _ in 0..400 {
        let p = random_gemv::<f64>(&mut rng, 40);
        check_gemv(&mut rng, p, f64::EPSILON);
        let p = random_gemv::<f32>(&mut rng, 40);
        check_gemv(&mut rng, p, f32::EPSILON as f64);
    }
}

#[test]
fn gemv_odd_larger_sizes_match_reference() {
    let mut rng = Rng::new(22);
    for &(m, n) in &[(257usize, 129usize), (3, 301), (300, 7), (64, 64)] {
        for code in 0..4 {
            let mut p = GemvParams::<f64>::new(m, n);
            p.layout = if code & 1 == 0 {
                Layout::RowMajor
            } else {
                Layout::ColMajor
            };
            p.trans = code & 2 != 0;
            p.lda = p.layout.stored(m, n).1 + 1;
            p.beta = 0.25;
            check_gemv(&mut rng, p, f64::EPSILON);
        }
    }
}

#[test]
fn gemv_threaded_paths_match_reference() {
    let mut rng = Rng::new(23);
    let n = 1500;
    assert!(n * n >= GEMV_PARALLEL_MIN_ELEMS);
    for trans in [false, true] {
        let mut p = GemvParams::<f32>::new(n, n + 3);
        p.trans = trans;
        check_gemv(&mut rng, p, f32::EPSILON as f64);
    }
}

#[test]
fn gemv_beta_zero_ignores_nan_and_alpha_zero_ignores_a() {
    let p = GemvParams::<f64>::new(2, 2);
    let mut y = [f64::NAN; 2];
    gemv(&p, &[1.0; 4], &[1.0; 2], &mut y).unwrap();
    assert_eq!(y, [2.0; 2]);
    let mut y = [1.0; 2];
    gemv(
        &GemvParams {
            alpha: 0.0,
            beta: 3.0,
            ..p
        },
        &[f64::NAN; 4],
        &[1.0; 2],
        &mut y,
    )
    .unwrap();
    assert_eq!(y, [3.0; 2]);
    let mut y = [0.0; 2];
    gemv(&p, &[f64::INFINITY, 1.0, 1.0, 1.0], &[0.0, 1.0], &mut y).unwrap();
    assert!(y[0].is_nan() && y[1] == 1.0);
}

#[test]
fn gemv_bad_shapes_name_the_argument() {
    let p = GemvParams::<f64>::new(2, 3);
    assert_eq!(
        gemv(&p, &[0.0; 5], &[0.0; 3], &mut [0.0; 2])
            .unwrap_err()
            .arg,
        "a"
    );
    assert_eq!(
        gemv(&p, &[0.0; 6], &[0.0; 2], &mut [0.0; 2])
            .unwrap_err()
            .arg,
        "x"
    );
    assert_eq!(
        gemv(&p, &[0.0; 6], &[0.0; 3], &mut [0.0; 1])
            .unwrap_err()
            .arg,
        "y"
    );
    assert_eq!(
        gemv(
            &GemvParams { lda: 2, ..p },
            &[0.0; 6],
            &[0.0; 3],
            &mut [0.0; 2]
        )
        .unwrap_err()
        .arg,
        "lda"
    );
    assert_eq!(
        gemv(
            &GemvParams { incx: 0, ..p },
            &[0.0; 6],
            &[0.0; 3],
            &mut [0.0; 2]
        )
        .unwrap_err()
        .arg,
        "incx"
    );
}

fn random_ger<T: Float>(rng: &mut Rng, max: usize) -> GerParams<T> {
    let mut p = GerParams::<T>::new(rng.below(max + 1), rng.below(max + 1));
    p.layout = if rng.below(2) == 0 {
        Layout::RowMajor
    } else {
        Layout::ColMajor
    };
    p.lda = p.layout.stored(p.m, p.n).1.max(1) + if rng.below(3) == 0 { rng.below(4) } else { 0 };
    p.incx = 1 + rng.below(2);
    p.incy = 1 + rng.below(2);
    p.alpha = T::from_f64([0.0, 1.0, -2.0, 0.5][rng.below(4)]);
    p
}

fn check_ger<T: Float + Debug>(rng: &mut Rng, p: GerParams<T>, eps: f64) {
    let (rows, cols) = p.layout.stored(p.m, p.n);
    let x: Vec<T> = rand_vec(rng, min_len(p.m, 1, p.incx));
    let y: Vec<T> = rand_vec(rng, min_len(p.n, 1, p.incy));
    let a0: Vec<T> = rand_vec(rng, min_len(rows, cols, p.lda) + 1);
    let mut a = a0.clone();
    ger(&p, &x, &y, &mut a).unwrap();
    let mut touched = vec![false; a.len()];
    for i in 0..p.m {
        for j in 0..p.n {
            let idx = at(p.layout, p.lda, i, j);
            touched[idx] = true;
            let t = p.alpha.to_f64() * x[i * p.incx].to_f64() * y[j * p.incy].to_f64();
            let want = t + a0[idx].to_f64();
            let tol = 3.0 * eps * (t.abs() + a0[idx].to_f64().abs());
            assert!((a[idx].to_f64() - want).abs() <= tol, "{p:?} a({i},{j})");
        }
    }
    for (idx, t) in touched.iter().enumerate() {
        if !t {
            assert_eq!(
                a[idx].to_f64().to_bits(),
                a0[idx].to_f64().to_bits(),
                "{p:?}: padding {idx} changed"
            );
        }
    }
}

#[test]
fn ger_random_shapes_match_reference() {
    let mut rng = Rng::new(31);
    for _ in 0..300 {
        let p = random_ger::<f64>(&mut rng, 40);
        check_ger(&mut rng, p, f64::EPSILON);
        let p = random_ger::<f32>(&mut rng, 40);
        check_ger(&mut rng, p, f32::EPSILON as f64);
    }
}

#[test]
fn ger_threaded_path_matches_reference() {
    let mut rng = Rng::new(32);
    for layout in [Layout::RowMajor, Layout::ColMajor] {
        let mut p = GerParams::<f64>::new(1501, 1499);
        p.layout = layout;
        p.lda = layout.stored(p.m, p.n).1 + 2;
        check_ger(&mut rng, p, f64::EPSILON);
    }
}

#[test]
fn ger_bad_shapes_name_the_argument() {
    let p = GerParams::<f32>::new(2, 3);
    assert_eq!(
        ger(&p, &[0.0; 1], &[0.0; 3], &mut [0.0; 6])
            .unwrap_err()
            .arg,
        "x"
    );
    assert_eq!(
        ger(&p, &[0.0; 2], &[0.0; 2], &mut [0.0; 6])
            .unwrap_err()
            .arg,
        "y"
    );
    assert_eq!(
        ger(&p, &[0.0; 2], &[0.0; 3], &mut [0.0; 5])
            .unwrap_err()
            .arg,
        "a"
    );
}
