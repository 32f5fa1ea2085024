//! Elementwise kernels: `out[i] = f(a[i], …)` for add, sub, mul, div, min, max, fma, clamp,
//! sqrt, exp, log and abs.
//!
//! Any operand may be the output array itself ([`Operand::Out`], the in-place case); partial
//! overlap is the caller's to reject. Cheap ops are memory-bound and split across the pool
//! above [`CHEAP_THRESHOLD`]; `exp`/`log` (vectorized polynomials from [`crate::simd::math`], within
//! 1 ulp of libm) are compute-bound and split earlier.
//! `min`/`max`/`clamp` propagate NaN (like `Math.min` and numpy's `minimum`).

use crate::simd::{math, multiversion, par, Real};

/// Elements above which memory-bound elementwise ops split across the pool.
pub const CHEAP_THRESHOLD: usize = 1 << 19;
/// Elements above which `sqrt` splits across the pool.
pub const SQRT_THRESHOLD: usize = 1 << 19;
/// Elements above which `exp`/`log` split across the pool.
pub const TRANSCENDENTAL_THRESHOLD: usize = 1 << 18;

/// Elements processed per step when an operand is the output itself (copied to a stack buffer).
const BLOCK: usize = 512;

/// An input of an elementwise op: a separate slice, or the output array itself (in place).
#[derive(Debug, Clone, Copy)]
pub enum Operand<'a, T> {
    /// A slice that does not overlap the output, at least as long as it.
    Slice(&'a [T]),
    /// The output array's own current values.
    Out,
}

/// Two-input elementwise ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    /// `a + b`
    Add,
    /// `a - b`
    Sub,
    /// `a * b`
    Mul,
    /// `a / b`
    Div,
    /// smaller of `a`, `b` (NaN if either is NaN)
    Min,
    /// larger of `a`, `b` (NaN if either is NaN)
    Max,
}

/// One-input elementwise ops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unary {
    /// `√x`
    Sqrt,
    /// `eˣ`
    Exp,
    /// `ln x`
    Log,
    /// `|x|`
    Abs,
}

#[inline(always)]
fn min_nan<T: Real>(a: T, b: T) -> T {
    if a.is_nan() || a < b {
        a
    } else {
        b
    }
}

#[inline(always)]
fn max_nan<T: Real>(a: T, b: T) -> T {
    if a.is_nan() || a > b {
        a
    } else {
        b
    }
}

multiversion! {
    fn map1<T: Real, M: Kernel>(m: M, a: &[T], out: &mut [T]) {
        for (o, &x) in out.iter_mut().zip(a) {
            *o = m.call([x, x, x]);
        }
    }
}

multiversion! {
    fn map2<T: Real, M: Kernel>(m: M, a: &[T], b: &[T], out: &mut [T]) {
        for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
            *o = m.call([x, y, x]);
        }
    }
}

multiversion! {
    fn map3<T: Real, M: Kernel>(m: M, a: &[T], b: &[T], c: &[T], out: &mut [T]) {
        for (((o, &x), &y), &z) in out.iter_mut().zip(a).zip(b).zip(c) {
            *o = m.call([x, y, z]);
        }
    }
}

/// A scalar op for every float type at once, mapped over slices by `map1`/`map2`/`map3`.
trait Kernel: Copy + Send + Sync {
    fn call<T: Real>(self, v: [T; 3]) -> T;
}

/// Op number `ID` (see [`Kernel::call`]) with two parameters (clamp bounds), kept as f64.
#[derive(Clone, Copy)]
struct Op<const ID: u8>(f64, f64);

impl<const ID: u8> Kernel for Op<ID> {
    #[inline(always)]
    fn call<T: Real>(self, v: [T; 3]) -> T {
        let [a, b, c] = v;
        match ID {
            0 => a + b,
            1 => a - b,
            2 => a * b,
            3 => a / b,
            4 => min_nan(a, b),
            5 => max_nan(a, b),
            6 => a.sqrt(),
            7 => T::from_f64(math::exp(a.to_f64())),
            8 => T::from_f64(math::ln(a.to_f64())),
            9 => a.abs(),
            10 => a.mul_add(b, c),
            _ => {
                if a.is_nan() {
                    a
                } else {
                    min_nan(max_nan(a, T::from_f64(self.0)), T::from_f64(self.1))
                }
            }
        }
    }
}

/// Resolves the operands of one block: a separate slice's range, or a copy of the output's.
fn resolve<'s, T: Real>(
    op: Operand<'s, T>,
    r: std::ops::Range<usize>,
    out: &[T],
    buf: &'s mut [T; BLOCK],
) -> &'s [T] {
    match op {
        Operand::Slice(s) => &s[r],
        Operand::Out => {
            let b = &mut buf[..r.len()];
            b.copy_from_slice(out);
            b
        }
    }
}

/// Runs kernel `m` with `arity` operands into `out`, in place where operands are [`Operand::Out`].
fn drive<T: Real, M: Kernel>(
    m: M,
    ops: [Operand<'_, T>; 3],
    arity: usize,
    out: &mut [T],
    threshold: usize,
) {
    let n = out.len();
    for o in &ops[..arity] {
        if let Operand::Slice(s) = o {
            assert!(s.len() >= n, "an operand is shorter than the output");
        }
    }
    let in_place = ops[..arity].iter().any(|o| matches!(o, Operand::Out));
    par::for_each_mut(out, threshold, |range, out| {
        let run = |a: &[T], b: &[T], c: &[T], out: &mut [T]| match arity {
            1 => map1(m, a, out),
            2 => map2(m, a, b, out),
            _ => map3(m, a, b, c, out),
        };
        if !in_place {
            let [a, b, c] = ops.map(|o| match o {
                Operand::Slice(s) => &s[range.clone()],
                Operand::Out => &[][..],
            });
            return run(a, b, c, out);
        }
        let mut bufs = [[T::ZERO; BLOCK]; 3];
        let [b0, b1, b2] = &mut bufs;
        let mut start = 0;
        while start < out.len() {
            let end = (start + BLOCK).min(out.len());
            let g = range.start + start..range.start + end;
            let blk = &mut out[start..end];
            let a = resolve(ops[0], g.clone(), blk, b0);
            let b = if arity > 1 {
                resolve(ops[1], g.clone(), blk, b1)
            } else {
                &[][..]
            };
            let c = if arity > 2 {
                resolve(ops[2], g, blk, b2)
            } else {
                &[][..]
            };
            run(a, b, c, blk);
            start = end;
        }
    });
}

/// `out[i] = a[i] ∘ b[i]` for the [`Binary`] op `op`.
///
/// ```
/// use polycore_kernels::elementwise::{binary, Binary, Operand};
/// let mut out = [0.0f64; 2];
/// binary(Binary::Add, Operand::Slice(&[1.0, 2.0]), Operand::Slice(&[3.0, 4.0]), &mut out);
/// assert_eq!(out, [4.0, 6.0]);
/// binary(Binary::Mul, Operand::Out, Operand::Out, &mut out); // in place: out = out * out
/// assert_eq!(out, [16.0, 36.0]);
/// ```
pub fn binary<T: Real>(op: Binary, a: Operand<'_, T>, b: Operand<'_, T>, out: &mut [T]) {
    let ops = [a, b, Operand::Out];
    let t = par::per_f64::<T>(CHEAP_THRESHOLD);
    match op {
        Binary::Add => drive(Op::<0>(0.0, 0.0), ops, 2, out, t),
        Binary::Sub => drive(Op::<1>(0.0, 0.0), ops, 2, out, t),
        Binary::Mul => drive(Op::<2>(0.0, 0.0), ops, 2, out, t),
        Binary::Div => drive(Op::<3>(0.0, 0.0), ops, 2, out, t),
        Binary::Min => drive(Op::<4>(0.0, 0.0), ops, 2, out, t),
        Binary::Max => drive(Op::<5>(0.0, 0.0), ops, 2, out, t),
    }
}

/// `out[i] = f(x[i])` for the [`Unary`] op `op`.
///
/// ```
/// use polycore_kernels::elementwise::{unary, Unary, Operand};
/// let mut out = [4.0f32, 9.0];
/// unary(Unary::Sqrt, Operand::Out, &mut out);
/// assert_eq!(out, [2.0, 3.0]);
/// ```
pub fn unary<T: Real>(op: Unary, x: Operand<'_, T>, out: &mut [T]) {
    let ops = [x, Operand::Out, Operand::Out];
    match op {
        Unary::Sqrt => drive(
            Op::<6>(0.0, 0.0),
            ops,
            1,
            out,
            par::per_f64::<T>(SQRT_THRESHOLD),
        ),
        Unary::Exp => drive(Op::<7>(0.0, 0.0), ops, 1, out, TRANSCENDENTAL_THRESHOLD),
        Unary::Log => drive(Op::<8>(0.0, 0.0), ops, 1, out, TRANSCENDENTAL_THRESHOLD),
        Unary::Abs => drive(
            Op::<9>(0.0, 0.0),
            ops,
            1,
            out,
            par::per_f64::<T>(CHEAP_THRESHOLD),
        ),
    }
}

/// `out[i] = a[i]·b[i] + c[i]` with a single rounding.
///
/// ```
/// use polycore_kernels::elementwise::{fma, Operand};
/// let mut out = [0.0f64];
/// fma(Operand::Slice(&[2.0]), Operand::Slice(&[3.0]), Operand::Slice(&[1.0]), &mut out);
/// assert_eq!(out, [7.0]);
/// ```
pub fn fma<T: Real>(a: Operand<'_, T>, b: Operand<'_, T>, c: Operand<'_, T>, out: &mut [T]) {
    drive(
        Op::<10>(0.0, 0.0),
        [a, b, c],
        3,
        out,
        par::per_f64::<T>(CHEAP_THRESHOLD),
    );
}

/// `out[i] = min(max(x[i], lo), hi)` (NaN stays NaN; callers ensure `lo <= hi`).
///
/// ```
/// use polycore_kernels::elementwise::{clamp, Operand};
/// let mut out = [-5.0f64, 0.5, 5.0];
/// clamp(Operand::Out, 0.0, 1.0, &mut out);
/// assert_eq!(out, [0.0, 0.5, 1.0]);
/// ```
pub fn clamp<T: Real>(x: Operand<'_, T>, lo: T, hi: T, out: &mut [T]) {
    drive(
        Op::<11>(lo.to_f64(), hi.to_f64()),
        [x, Operand::Out, Operand::Out],
        1,
        out,
        par::per_f64::<T>(CHEAP_THRESHOLD),
    );
}

#[cfg(test)]
mod tests;
