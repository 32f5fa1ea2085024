//! Reductions against f64 references (compensated where accuracy is the point).

use super::*;
use crate::level1::tests_data as data;

const SIZES: &[usize] = &[0, 1, 2, 31, 32, 33, 1023, 1024, 1025, 5000, (1 << 20) + 77];

/// Exact-ish reference: Neumaier sum in f64.
fn reference_sum(x: &[f64]) -> f64 {
    let (mut s, mut c) = (0.0f64, 0.0f64);
    for &v in x {
        let t = s + v;
        c += if s.abs() >= v.abs() {
            (s - t) + v
        } else {
            (v - t) + s
        };
        s = t;
    }
    s + c
}

#[test]
fn sums_meet_their_error_bounds() {
    for &n in SIZES {
        let x = data(n, 9);
        let abs: f64 = x.iter().map(|v| v.abs()).sum();
        let want = reference_sum(&x);
        let log = (n.max(2) as f64).log2();
        let pw = sum(&x, SumMethod::Pairwise);
        assert!(
            (pw - want).abs() <= (40.0 + log) * f64::EPSILON * abs + 1e-300,
            "pairwise n={n}"
        );
        let k = sum(&x, SumMethod::Kahan);
        assert!(
            (k - want).abs()
                <= 2.0 * f64::EPSILON * want.abs()
                    + n as f64 * f64::EPSILON * f64::EPSILON * abs
                    + 1e-300,
            "kahan n={n}"
        );
        let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let wantf = reference_sum(&xf.iter().map(|&v| v as f64).collect::<Vec<_>>());
        let absf: f64 = xf.iter().map(|v| v.abs() as f64).sum();
        let pwf = sum(&xf, SumMethod::Pairwise) as f64;
        assert!(
            (pwf - wantf).abs() <= (40.0 + log) * f32::EPSILON as f64 * absf + 1e-30,
            "f32 pairwise n={n}"
        );
        let kf = sum(&xf, SumMethod::Kahan) as f64;
        assert!(
            (kf - wantf).abs()
                <= 2.0
                    * f32::EPSILON as f64
                    * (wantf.abs() + 1e-3 * absf / (n.max(1) as f64).sqrt())
                    + 1e-30,
            "f32 kahan n={n}: {kf} vs {wantf}"
        );
    }
}

#[test]
fn kahan_recovers_cancelled_terms() {
    let mut x = vec![1.0f64; 10_001];
    x[0] = 1e16;
    x.push(-1e16);
    assert_eq!(sum(&x, SumMethod::Kahan), 10_000.0);
    let xf = [1e8f32, 1.0, 1.0, 1.0, 1.0, -1e8];
    assert_eq!(sum(&xf, SumMethod::Kahan), 4.0);
}

#[test]
fn min_max_mean_variance_match_reference() {
    for &n in SIZES {
        let x = data(n, 10);
        if n == 0 {
            assert_eq!(min::<f64>(&x), None);
            assert_eq!(max::<f64>(&x), None);
            assert!(mean::<f64>(&x).is_nan());
            assert!(variance::<f64>(&x, 0).is_nan());
            continue;
        }
        assert_eq!(
            min(&x),
            Some(x.iter().cloned().fold(f64::INFINITY, f64::min))
        );
        assert_eq!(
            max(&x),
            Some(x.iter().cloned().fold(f64::NEG_INFINITY, f64::max))
        );
        let m = reference_sum(&x) / n as f64;
        assert!((mean(&x) - m).abs() <= 64.0 * f64::EPSILON, "mean n={n}");
        for ddof in [0usize, 1] {
            let v = if n <= ddof {
                f64::NAN
            } else {
                reference_sum(&x.iter().map(|v| (v - m) * (v - m)).collect::<Vec<_>>())
                    / (n - ddof) as f64
            };
            let got = variance(&x, ddof);
            assert!(
                (v.is_nan() && got.is_nan()) || (got - v).abs() <= 64.0 * f64::EPSILON * v.abs(),
                "variance n={n} ddof={ddof}"
            );
        }
        let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        assert_eq!(
            min(&xf).map(|v| v as f64),
            Some(xf.iter().map(|&v| v as f64).fold(f64::INFINITY, f64::min))
        );
    }
}

#[test]
fn variance_is_stable_under_a_large_offset() {
    let x: Vec<f64> = (0..1000).map(|i| 1e9 + (i % 2) as f64).collect();
    assert!((variance(&x, 0) - 0.25).abs() < 1e-9);
}

#[test]
fn nan_propagates_through_reductions() {
    let mut x = data(5000, 3);
    x[4321] = f64::NAN;
    assert!(min(&x).unwrap().is_nan());
    assert!(max(&x).unwrap().is_nan());
    assert!(sum(&x, SumMethod::Pairwise).is_nan());
    assert!(sum(&x, SumMethod::Kahan).is_nan());
    assert!(variance(&x, 1).is_nan());
    let mut y = vec![1.0f64; 3_000_000];
    y[2_999_999] = f64::NAN;
    assert!(max(&y).unwrap().is_nan());
    assert_eq!(
        sum(&[f64::INFINITY, 1.0], SumMethod::Pairwise),
        f64::INFINITY
    );
    assert_eq!(sum(&[f64::INFINITY, 1.0], SumMethod::Kahan), f64::INFINITY);
    assert_eq!(
        sum(&[1.0f32, f32::NEG_INFINITY], SumMethod::Kahan),
        f32::NEG_INFINITY
    );
    assert!(sum(&[f64::INFINITY, f64::NEG_INFINITY], SumMethod::Kahan).is_nan());
}
