//! Float typed arrays as raw views, and the checks that make borrowing them sound.
//!
//! [`Arr`] reads a `Float64Array`/`Float32Array` argument with one `napi_get_typedarray_info`
//! call (no reference, no copy) for synchronous calls; [`Held`] also keeps the JS array alive
//! for an async task. Slices are only built after the checks here: views fit their buffers,
//! element types match, and a written array never overlaps another argument except as the
//! identical view (the in-place case) — so no `&mut [T]` ever aliases another slice.

use std::ptr;

use napi::bindgen_prelude::*;
use napi::sys;
use polycore_kernels::level1::{check, Strided};
use polycore_kernels::simd::Real;

use crate::errors::range_error;

/// A JS `TypeError`-class failure (the TS wrapper rethrows it as a `TypeError`).
pub fn type_error(msg: impl Into<String>) -> Error {
    Error::new(Status::InvalidArg, format!("TypeError: {}", msg.into()))
}

/// Element type of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dtype {
    F64,
    F32,
}

impl Dtype {
    fn size(self) -> usize {
        match self {
            Dtype::F64 => 8,
            Dtype::F32 => 4,
        }
    }
}

/// f32/f64 tied to their [`Dtype`].
pub trait El: Real + polycore_kernels::level1::Nrm2 + polycore_kernels::level1::SimdDot {
    const DTYPE: Dtype;
}
impl El for f64 {
    const DTYPE: Dtype = Dtype::F64;
}
impl El for f32 {
    const DTYPE: Dtype = Dtype::F32;
}

/// A typed array's data pointer (kept as an address so tasks are `Send`), length and type.
#[derive(Debug, Clone, Copy)]
pub struct Arr {
    addr: usize,
    /// Length in elements.
    pub len: usize,
    /// Element type.
    pub dtype: Dtype,
}

impl Arr {
    unsafe fn read(env: sys::napi_env, value: sys::napi_value) -> Result<Arr> {
        let mut kind = 0;
        let mut len = 0;
        let mut data = ptr::null_mut();
        let mut buffer = ptr::null_mut();
        let mut byte_offset = 0;
        // SAFETY: all out-pointers are valid locals; N-API rejects non-typed-array values.
        let status = unsafe {
            sys::napi_get_typedarray_info(
                env,
                value,
                &mut kind,
                &mut len,
                &mut data,
                &mut buffer,
                &mut byte_offset,
            )
        };
        if status != sys::Status::napi_ok {
            return Err(type_error("expected a Float64Array or Float32Array"));
        }
        let dtype = match kind {
            sys::TypedarrayType::float64_array => Dtype::F64,
            sys::TypedarrayType::float32_array => Dtype::F32,
            _ => return Err(type_error("expected a Float64Array or Float32Array")),
        };
        let addr = data as usize;
        if len == 0 || addr == 0 {
            return Ok(Arr {
                addr: dtype.size(),
                len: 0,
                dtype,
            });
        }
        if !addr.is_multiple_of(dtype.size()) {
            return Err(type_error("typed array data is misaligned"));
        }
        Ok(Arr { addr, len, dtype })
    }

    /// First byte and one past the last byte.
    pub fn bytes(&self) -> (usize, usize) {
        (self.addr, self.addr + self.len * self.dtype.size())
    }

    /// Checks the element type is `dtype` (of the argument named `first`).
    pub fn expect(&self, name: &str, dtype: Dtype, first: &str) -> Result<()> {
        if self.dtype != dtype {
            return Err(type_error(format!(
                "{name} must have the same element type as {first}"
            )));
        }
        Ok(())
    }

    /// The elements as a shared slice.
    ///
    /// # Safety
    /// No `&mut` slice may overlap it while it lives; `T` must match `dtype` (checked).
    pub unsafe fn slice<'a, T: El>(&self) -> &'a [T] {
        assert!(T::DTYPE == self.dtype, "dtype checked by the caller");
        // SAFETY: addr/len come from N-API for a live typed array of T (aligned, non-null);
        // the caller guarantees no overlapping &mut exists.
        unsafe { std::slice::from_raw_parts(self.addr as *const T, self.len) }
    }

    /// The elements as a mutable slice.
    ///
    /// # Safety
    /// No other slice may overlap it while it lives; `T` must match `dtype` (checked).
    pub unsafe fn slice_mut<'a, T: El>(&self) -> &'a mut [T] {
        assert!(T::DTYPE == self.dtype, "dtype checked by the caller");
        // SAFETY: as in `slice`, and the caller guarantees exclusivity.
        unsafe { std::slice::from_raw_parts_mut(self.addr as *mut T, self.len) }
    }
}

impl TypeName for Arr {
    fn type_name() -> &'static str {
        "Float64Array | Float32Array"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl FromNapiValue for Arr {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> Result<Self> {
        // SAFETY: env and value come from the N-API callback that is converting arguments.
        unsafe { Arr::read(env, value) }
    }
}

/// An [`Arr`] plus a strong reference that keeps the JS array alive until the task is dropped
/// (napi-rs drops async tasks on the JS thread, after settling the promise).
pub struct Held {
    pub arr: Arr,
    reference: sys::napi_ref,
    env: sys::napi_env,
}

// SAFETY: the raw handles are only used in Drop, which napi-rs runs on the JS thread.
unsafe impl Send for Held {}

impl TypeName for Held {
    fn type_name() -> &'static str {
        "Float64Array | Float32Array"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl FromNapiValue for Held {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> Result<Self> {
        // SAFETY: env and value come from the N-API callback that is converting arguments.
        let arr = unsafe { Arr::read(env, value) }?;
        let mut reference = ptr::null_mut();
        // SAFETY: value is a live typed array; the reference is deleted in Drop.
        let status = unsafe { sys::napi_create_reference(env, value, 1, &mut reference) };
        if status != sys::Status::napi_ok {
            return Err(Error::new(
                Status::GenericFailure,
                "could not reference the array",
            ));
        }
        Ok(Held {
            arr,
            reference,
            env,
        })
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        // SAFETY: created in from_napi_value for this env; dropped on the JS thread.
        unsafe {
            sys::napi_delete_reference(self.env, self.reference);
        }
    }
}

/// A JS number that must be an integer ≥ 0.
pub fn index(name: &str, v: f64) -> Result<usize> {
    if !(v.fract() == 0.0 && (0.0..=9.007_199_254_740_991e15).contains(&v)) {
        return Err(range_error(format!(
            "{name} must be a non-negative integer, got {v}"
        )));
    }
    Ok(v as usize)
}

/// A JS number that must be a nonzero integer.
pub fn increment(name: &str, v: f64) -> Result<isize> {
    if !(v.fract() == 0.0 && v != 0.0 && v.abs() <= 9.007_199_254_740_991e15) {
        return Err(range_error(format!(
            "{name} must be a nonzero integer, got {v}"
        )));
    }
    Ok(v as isize)
}

/// A strided vector argument: array, element count and view, checked to fit.
#[derive(Debug, Clone, Copy)]
pub struct Vector {
    pub arr: Arr,
    pub n: usize,
    pub s: Strided,
}

impl Vector {
    /// Validates `n` elements of `arr` from `offset` with step `inc`; `names` are the JS names
    /// of the array, its offset and its increment.
    pub fn new(arr: Arr, n: usize, offset: f64, inc: f64, names: [&str; 3]) -> Result<Vector> {
        let s = Strided::new(index(names[1], offset)?, increment(names[2], inc)?);
        check(n, s, arr.len).map_err(|e| {
            let who = match e.what {
                "offset" => names[1],
                "inc" => names[2],
                _ => names[0],
            };
            range_error(format!(
                "{who}: {} ({} has {} elements)",
                e.message, names[0], arr.len
            ))
        })?;
        Ok(Vector { arr, n, s })
    }

    /// Byte range `[lo, hi)` touched by the vector (empty when `n == 0`).
    fn extent(&self) -> (usize, usize) {
        if self.n == 0 {
            return (0, 0);
        }
        let size = self.arr.dtype.size();
        let first = self.s.offset;
        let last = self.s.at(self.n - 1);
        let (lo, hi) = (first.min(last), first.max(last));
        (self.arr.addr + lo * size, self.arr.addr + (hi + 1) * size)
    }
}

/// How two vectors of one call share memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// Their touched bytes are disjoint: borrow them as separate slices.
    Disjoint,
    /// Both views lie in one buffer — identical (the in-place case) or interleaved without a
    /// common element (two rows of a matrix): run on the one slice `[addr, addr + len)`
    /// (elements) with both views re-based onto it.
    Shared {
        addr: usize,
        len: usize,
        x: Strided,
        y: Strided,
    },
}

/// The one mutable slice of a [`Sharing::Shared`] region.
///
/// # Safety
/// `addr..addr + len` must be the union of two checked views of one live typed array of `T`,
/// and no other slice of it may live meanwhile.
pub unsafe fn region<'a, T: El>(addr: usize, len: usize) -> &'a mut [T] {
    // SAFETY: guaranteed by the caller (both views were bounds-checked inside one allocation).
    unsafe { std::slice::from_raw_parts_mut(addr as *mut T, len) }
}

fn ranges_overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Classifies how `x` and `y` (same dtype, same `n`) share memory; an error when a common
/// element would be read and written through different positions (BLAS forbids that).
pub fn sharing(x: &Vector, y: &Vector) -> Result<Sharing> {
    let (ex, ey) = (x.extent(), y.extent());
    if x.n == 0 || !ranges_overlap(ex, ey) {
        return Ok(Sharing::Disjoint);
    }
    let size = x.arr.dtype.size();
    let bx = x.arr.addr + x.s.offset * size;
    let by = y.arr.addr + y.s.offset * size;
    let addr = ex.0.min(ey.0);
    let end = ex.1.max(ey.1);
    if !(bx - addr).is_multiple_of(size) || !(by - addr).is_multiple_of(size) {
        return Err(range_error(
            "x and y overlap in memory at misaligned positions",
        ));
    }
    let xs = Strided::new((bx - addr) / size, x.s.inc);
    let ys = Strided::new((by - addr) / size, y.s.inc);
    let identical = bx == by && (x.s.inc == y.s.inc || x.n == 1);
    if !identical && collide(x.n, xs, ys) {
        return Err(range_error(
            "x and y overlap in memory (share elements at different positions); pass separate arrays",
        ));
    }
    Ok(Sharing::Shared {
        addr,
        len: (end - addr) / size,
        x: xs,
        y: ys,
    })
}

/// True when `a.offset + i·a.inc == b.offset + j·b.inc` for some `i, j` in `0..n`.
pub fn collide(n: usize, a: Strided, b: Strided) -> bool {
    if n == 0 {
        return false;
    }
    let (p, q) = (a.inc as i128, b.inc as i128);
    let d = b.offset as i128 - a.offset as i128;
    // Solve p·i − q·j = d.
    let (g, u, v) = ext_gcd(p, -q);
    if d % g != 0 {
        return false;
    }
    let (i0, j0) = (u * (d / g), v * (d / g));
    // i = i0 + k·(−q/g)·(−1)… written as i = i0 + k·si, j = j0 + k·sj with p·si = q·sj.
    let (si, sj) = (-(-q) / g, p / g);
    let n = n as i128;
    let (lo_i, hi_i) = k_range(i0, si, n);
    let (lo_j, hi_j) = k_range(j0, sj, n);
    lo_i.max(lo_j) <= hi_i.min(hi_j)
}

/// The k with `0 <= start + k·step < n` (step ≠ 0), as an inclusive range.
fn k_range(start: i128, step: i128, n: i128) -> (i128, i128) {
    let (a, b) = (div_ceil(-start, step), div_floor(n - 1 - start, step));
    if step > 0 {
        (a, b)
    } else {
        (div_ceil(n - 1 - start, step), div_floor(-start, step))
    }
}

fn div_floor(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn div_ceil(a: i128, b: i128) -> i128 {
    -div_floor(-a, b)
}

/// `(g, u, v)` with `a·u + b·v = g = gcd(a, b) > 0`.
fn ext_gcd(a: i128, b: i128) -> (i128, i128, i128) {
    let (mut r0, mut r1, mut s0, mut s1, mut t0, mut t1) = (a, b, 1i128, 0i128, 0i128, 1i128);
    while r1 != 0 {
        let q = r0 / r1;
        (r0, r1) = (r1, r0 - q * r1);
        (s0, s1) = (s1, s0 - q * s1);
        (t0, t1) = (t1, t0 - q * t1);
    }
    if r0 < 0 {
        (-r0, -s0, -t0)
    } else {
        (r0, s0, t0)
    }
}

/// How an elementwise input relates to the output: separate, or the output itself.
pub fn operand_role(name: &str, a: &Arr, out: &Arr) -> Result<bool> {
    if a.len == 0 || out.len == 0 || !ranges_overlap(a.bytes(), out.bytes()) {
        return Ok(false);
    }
    if a.addr == out.addr && a.len == out.len {
        return Ok(true);
    }
    Err(range_error(format!(
        "out partially overlaps {name}; pass the same array for in-place or separate memory"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collide_matches_brute_force() {
        let mut seed = 7u64;
        let mut rnd = |m: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m
        };
        for _ in 0..20000 {
            let n = rnd(8) as usize;
            let a = Strided::new(rnd(40) as usize, rnd(9) as isize - 4);
            let b = Strided::new(rnd(40) as usize, rnd(9) as isize - 4);
            if a.inc == 0 || b.inc == 0 {
                continue;
            }
            let xs: Vec<i64> = (0..n)
                .map(|i| a.offset as i64 + i as i64 * a.inc as i64)
                .collect();
            let brute = (0..n).any(|j| xs.contains(&(b.offset as i64 + j as i64 * b.inc as i64)));
            assert_eq!(collide(n, a, b), brute, "n={n} a={a:?} b={b:?}");
        }
    }
}
