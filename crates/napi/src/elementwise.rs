//! Elementwise bindings: `out[i] = f(a[i], …)` on equal-length Float64Array/Float32Array.
//!
//! `out` may be one of the inputs (in place); partial overlap with an input is refused. Op codes
//! (kept in step with `packages/native/src/elementwise.ts`): unary 0 sqrt, 1 exp, 2 log, 3 abs;
//! binary 0 add, 1 sub, 2 mul, 3 div, 4 min, 5 max.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use polycore_kernels::elementwise::{self as ew, Binary, Operand, Unary};

use crate::errors::range_error;
use crate::level1::by_dtype;
use crate::task::Job;
use crate::views::{operand_role, Arr, El, Held};

const UNARY: [Unary; 4] = [Unary::Sqrt, Unary::Exp, Unary::Log, Unary::Abs];
const BINARY: [Binary; 6] = [
    Binary::Add,
    Binary::Sub,
    Binary::Mul,
    Binary::Div,
    Binary::Min,
    Binary::Max,
];

/// What an elementwise call computes once its arrays are checked.
#[derive(Clone, Copy)]
enum Op {
    Unary(Unary),
    Binary(Binary),
    Fma,
    Clamp(f64, f64),
}

/// A checked call: inputs (`true` = the input is `out` itself) and the output.
#[derive(Clone, Copy)]
struct Call {
    op: Op,
    inputs: [(Arr, bool); 3],
    arity: usize,
    out: Arr,
}

fn check(op: Op, names: &[&str], inputs: &[Arr], out: Arr) -> Result<Call> {
    let first = inputs[0];
    out.expect("out", first.dtype, names[0])?;
    let mut slots = [(out, true); 3];
    for (i, (a, name)) in inputs.iter().zip(names).enumerate() {
        a.expect(name, first.dtype, names[0])?;
        if a.len != out.len {
            return Err(range_error(format!(
                "{name} must have the same length as out ({}), got {}",
                out.len, a.len
            )));
        }
        slots[i] = (*a, operand_role(name, a, &out)?);
    }
    Ok(Call {
        op,
        inputs: slots,
        arity: inputs.len(),
        out,
    })
}

fn run<T: El>(c: Call) {
    let operand = |i: usize| -> Operand<'_, T> {
        let (a, is_out) = c.inputs[i];
        if is_out || i >= c.arity {
            Operand::Out
        } else {
            // SAFETY: `check` proved this input does not overlap `out` (the only &mut).
            Operand::Slice(unsafe { a.slice::<T>() })
        }
    };
    let (a, b, cc) = (operand(0), operand(1), operand(2));
    // SAFETY: inputs overlapping out are passed as Operand::Out, never as slices.
    let out = unsafe { c.out.slice_mut::<T>() };
    match c.op {
        Op::Unary(u) => ew::unary(u, a, out),
        Op::Binary(b2) => ew::binary(b2, a, b, out),
        Op::Fma => ew::fma(a, b, cc, out),
        Op::Clamp(lo, hi) => ew::clamp(a, T::from_f64(lo), T::from_f64(hi), out),
    }
}

fn work(c: Call) -> impl FnOnce() -> f64 + Send {
    move || {
        by_dtype!(c.out.dtype, T => run::<T>(c));
        0.0
    }
}

fn unary_op(op: u32) -> Result<Op> {
    UNARY
        .get(op as usize)
        .map(|&u| Op::Unary(u))
        .ok_or_else(|| range_error(format!("unknown unary op {op}")))
}

fn binary_op(op: u32) -> Result<Op> {
    BINARY
        .get(op as usize)
        .map(|&b| Op::Binary(b))
        .ok_or_else(|| range_error(format!("unknown binary op {op}")))
}

fn clamp_op(lo: f64, hi: f64) -> Result<Op> {
    if lo.is_nan() || hi.is_nan() || lo > hi {
        return Err(range_error(format!("lo must be <= hi (got {lo} and {hi})")));
    }
    Ok(Op::Clamp(lo, hi))
}

/// `out[i] = f(x[i])` for unary op `op` (0 sqrt, 1 exp, 2 log, 3 abs).
#[napi(
    catch_unwind,
    ts_args_type = "op: number, x: Float64Array | Float32Array, out: Float64Array | Float32Array"
)]
pub fn unary(op: u32, x: Arr, out: Arr) -> Result<()> {
    work(check(unary_op(op)?, &["x"], &[x], out)?)();
    Ok(())
}

/// {@link unary} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "op: number, x: Float64Array | Float32Array, out: Float64Array | Float32Array",
    ts_return_type = "Promise<number>"
)]
pub fn unary_async(op: u32, x: Held, out: Held) -> Result<AsyncTask<Job>> {
    let w = work(check(unary_op(op)?, &["x"], &[x.arr], out.arr)?);
    Ok(Job::spawn(vec![x, out], w))
}

/// `out[i] = a[i] ∘ b[i]` for binary op `op` (0 add, 1 sub, 2 mul, 3 div, 4 min, 5 max).
#[napi(
    catch_unwind,
    ts_args_type = "op: number, a: Float64Array | Float32Array, b: Float64Array | Float32Array, out: Float64Array | Float32Array"
)]
pub fn binary(op: u32, a: Arr, b: Arr, out: Arr) -> Result<()> {
    work(check(binary_op(op)?, &["a", "b"], &[a, b], out)?)();
    Ok(())
}

/// {@link binary} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "op: number, a: Float64Array | Float32Array, b: Float64Array | Float32Array, out: Float64Array | Float32Array",
    ts_return_type = "Promise<number>"
)]
pub fn binary_async(op: u32, a: Held, b: Held, out: Held) -> Result<AsyncTask<Job>> {
    let w = work(check(
        binary_op(op)?,
        &["a", "b"],
        &[a.arr, b.arr],
        out.arr,
    )?);
    Ok(Job::spawn(vec![a, b, out], w))
}

/// `out[i] = a[i]·b[i] + c[i]`, fused (one rounding).
#[napi(
    catch_unwind,
    ts_args_type = "a: Float64Array | Float32Array, b: Float64Array | Float32Array, c: Float64Array | Float32Array, out: Float64Array | Float32Array"
)]
pub fn fma(a: Arr, b: Arr, c: Arr, out: Arr) -> Result<()> {
    work(check(Op::Fma, &["a", "b", "c"], &[a, b, c], out)?)();
    Ok(())
}

/// {@link fma} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "a: Float64Array | Float32Array, b: Float64Array | Float32Array, c: Float64Array | Float32Array, out: Float64Array | Float32Array",
    ts_return_type = "Promise<number>"
)]
pub fn fma_async(a: Held, b: Held, c: Held, out: Held) -> Result<AsyncTask<Job>> {
    let w = work(check(
        Op::Fma,
        &["a", "b", "c"],
        &[a.arr, b.arr, c.arr],
        out.arr,
    )?);
    Ok(Job::spawn(vec![a, b, c, out], w))
}

/// `out[i] = min(max(x[i], lo), hi)`.
#[napi(
    catch_unwind,
    ts_args_type = "x: Float64Array | Float32Array, lo: number, hi: number, out: Float64Array | Float32Array"
)]
pub fn clamp(x: Arr, lo: f64, hi: f64, out: Arr) -> Result<()> {
    work(check(clamp_op(lo, hi)?, &["x"], &[x], out)?)();
    Ok(())
}

/// {@link clamp} on a native thread.
#[napi(
    catch_unwind,
    ts_args_type = "x: Float64Array | Float32Array, lo: number, hi: number, out: Float64Array | Float32Array",
    ts_return_type = "Promise<number>"
)]
pub fn clamp_async(x: Held, lo: f64, hi: f64, out: Held) -> Result<AsyncTask<Job>> {
    let w = work(check(clamp_op(lo, hi)?, &["x"], &[x.arr], out.arr)?);
    Ok(Job::spawn(vec![x, out], w))
}
