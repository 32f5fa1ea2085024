//! Elementwise kernels against scalar references, in every aliasing mode, across sizes that
//! cross the SIMD widths, the in-place block size and the threading thresholds.

use super::*;
use crate::level1::tests_data as data;

const SIZES: &[usize] = &[
    0,
    1,
    3,
    8,
    31,
    33,
    511,
    512,
    513,
    1500,
    (1 << 14) + 7,
    (1 << 19) + 3,
];

fn bin_ref(op: Binary, a: f64, b: f64) -> f64 {
    match op {
        Binary::Add => a + b,
        Binary::Sub => a - b,
        Binary::Mul => a * b,
        Binary::Div => a / b,
        Binary::Min => {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else {
                a.min(b)
            }
        }
        Binary::Max => {
            if a.is_nan() || b.is_nan() {
                f64::NAN
            } else {
                a.max(b)
            }
        }
    }
}

fn same(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b
}

#[test]
fn binary_ops_match_reference_in_every_aliasing_mode() {
    let ops = [
        Binary::Add,
        Binary::Sub,
        Binary::Mul,
        Binary::Div,
        Binary::Min,
        Binary::Max,
    ];
    for &n in SIZES {
        let a = data(n, 1);
        let mut b = data(n, 2);
        if n > 2 {
            b[1] = f64::NAN;
        }
        for op in ops {
            let want: Vec<f64> = a.iter().zip(&b).map(|(&x, &y)| bin_ref(op, x, y)).collect();
            let mut out = vec![0.0; n];
            binary(op, Operand::Slice(&a), Operand::Slice(&b), &mut out);
            assert!(
                out.iter().zip(&want).all(|(&g, &w)| same(g, w)),
                "{op:?} n={n}"
            );
            let mut io = a.clone();
            binary(op, Operand::Out, Operand::Slice(&b), &mut io);
            assert!(
                io.iter().zip(&want).all(|(&g, &w)| same(g, w)),
                "{op:?} in-place a n={n}"
            );
            let mut io = b.clone();
            binary(op, Operand::Slice(&a), Operand::Out, &mut io);
            assert!(
                io.iter().zip(&want).all(|(&g, &w)| same(g, w)),
                "{op:?} in-place b n={n}"
            );
            let mut io = a.clone();
            binary(op, Operand::Out, Operand::Out, &mut io);
            assert!(
                io.iter().zip(&a).all(|(&g, &x)| same(g, bin_ref(op, x, x))),
                "{op:?} a∘a n={n}"
            );
        }
        // f32 too
        let (af, bf): (Vec<f32>, Vec<f32>) = (
            a.iter().map(|&v| v as f32).collect(),
            b.iter().map(|&v| v as f32).collect(),
        );
        let mut out = vec![0.0f32; n];
        binary(
            Binary::Div,
            Operand::Slice(&af),
            Operand::Slice(&bf),
            &mut out,
        );
        assert!(out
            .iter()
            .zip(af.iter().zip(&bf))
            .all(|(&g, (&x, &y))| same(g as f64, (x / y) as f64)));
    }
}

#[test]
fn unary_fma_clamp_match_reference() {
    for &n in SIZES {
        let x: Vec<f64> = data(n, 3).iter().map(|v| v * 4.0).collect();
        let pos: Vec<f64> = x.iter().map(|v| v.abs() + 0.5).collect();
        type Check<'a> = (Unary, &'a Vec<f64>, fn(f64) -> f64);
        let checks: [Check; 4] = [
            (Unary::Sqrt, &pos, f64::sqrt),
            (Unary::Exp, &x, f64::exp),
            (Unary::Log, &pos, f64::ln),
            (Unary::Abs, &x, f64::abs),
        ];
        for (op, input, f) in checks {
            let mut out = vec![0.0; n];
            unary(op, Operand::Slice(input), &mut out);
            // sqrt/abs are exact; the vectorized exp/log are within 1 ulp of libm
            assert!(
                out.iter()
                    .zip(input.iter())
                    .all(|(&g, &v)| (g - f(v)).abs() <= f64::EPSILON * f(v).abs()),
                "{op:?} n={n}"
            );
            let mut io = input.clone();
            unary(op, Operand::Out, &mut io);
            assert_eq!(io, out, "{op:?} in place n={n}");
            let f32s: Vec<f32> = input.iter().map(|&v| v as f32).collect();
            let mut o32 = vec![0.0f32; n];
            unary(op, Operand::Slice(&f32s), &mut o32);
            assert!(o32
                .iter()
                .zip(&f32s)
                .all(|(&g, &v)| ((g as f64) - f(v as f64)).abs()
                    <= 4.0 * f32::EPSILON as f64 * f(v as f64).abs()));
        }
        let (a, b, c) = (data(n, 4), data(n, 5), data(n, 6));
        let mut out = vec![0.0; n];
        fma(
            Operand::Slice(&a),
            Operand::Slice(&b),
            Operand::Slice(&c),
            &mut out,
        );
        assert!(
            (0..n).all(|i| out[i] == a[i].mul_add(b[i], c[i])),
            "fma n={n}"
        );
        let mut io = c.clone();
        fma(
            Operand::Slice(&a),
            Operand::Slice(&b),
            Operand::Out,
            &mut io,
        );
        assert_eq!(io, out);
        let mut io = a.clone();
        clamp(Operand::Out, -0.5, 0.25, &mut io);
        assert!(
            (0..n).all(|i| io[i] == a[i].clamp(-0.5, 0.25)),
            "clamp n={n}"
        );
    }
}

#[test]
fn nan_and_inf_propagate() {
    let x = [f64::NAN, f64::INFINITY, -1.0, 0.0];
    let mut out = [0.0; 4];
    clamp(Operand::Slice(&x), 0.0, 1.0, &mut out);
    assert!(out[0].is_nan());
    assert_eq!(&out[1..], &[1.0, 0.0, 0.0]);
    unary(Unary::Sqrt, Operand::Slice(&x), &mut out);
    assert!(out[0].is_nan() && out[1] == f64::INFINITY && out[2].is_nan() && out[3] == 0.0);
    unary(Unary::Log, Operand::Slice(&x), &mut out);
    assert!(out[3] == f64::NEG_INFINITY && out[2].is_nan());
    binary(
        Binary::Min,
        Operand::Slice(&[1.0, f64::NAN]),
        Operand::Slice(&[f64::NAN, 1.0]),
        &mut out[..2],
    );
    assert!(out[0].is_nan() && out[1].is_nan());
}
