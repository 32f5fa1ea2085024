//! The element types kernels are generic over.

use std::ops::{Add, AddAssign, Mul, Sub};

/// f32 or f64: what every kernel is generic over.
pub trait Float:
    Copy
    + Send
    + Sync
    + PartialOrd
    + Default
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + AddAssign
{
    /// Zero.
    const ZERO: Self;
    /// Widens to f64 (exact for f32).
    fn to_f64(self) -> f64;
    /// Narrows from f64 (rounds for f32).
    fn from_f64(v: f64) -> Self;
    /// `self * a + b` with one rounding where the target has FMA.
    fn mul_add(self, a: Self, b: Self) -> Self;
}

impl Float for f32 {
    const ZERO: Self = 0.0;
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self as f64
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v as f32
    }
    #[inline(always)]
    fn mul_add(self, a: Self, b: Self) -> Self {
        f32::mul_add(self, a, b)
    }
}

impl Float for f64 {
    const ZERO: Self = 0.0;
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self
    }
    #[inline(always)]
    fn from_f64(v: f64) -> Self {
        v
    }
    #[inline(always)]
    fn mul_add(self, a: Self, b: Self) -> Self {
        f64::mul_add(self, a, b)
    }
}
