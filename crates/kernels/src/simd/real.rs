//! [`Real`]: the arithmetic the level-1, elementwise and reduction kernels need beyond [`Float`].

use std::ops::{Div, Neg};

use crate::float::Float;

/// f32 or f64 with division, negation and the math functions kernels use.
///
/// ```
/// use polycore_kernels::simd::Real;
/// assert_eq!(Real::abs(-2.0f64), 2.0);
/// assert!(<f32 as Real>::EPS > 0.0);
/// ```
pub trait Real: Float + Div<Output = Self> + Neg<Output = Self> {
    /// One.
    const ONE: Self;
    /// Machine epsilon (distance from 1 to the next float).
    const EPS: Self;
    /// Positive infinity.
    const INF: Self;
    /// A quiet NaN.
    const NAN: Self;
    /// `|self|`.
    fn abs(self) -> Self;
    /// Square root (IEEE, vectorizes).
    fn sqrt(self) -> Self;
    /// `e^self`.
    fn exp(self) -> Self;
    /// Natural logarithm.
    fn ln(self) -> Self;
    /// True for NaN.
    fn is_nan(self) -> bool;
    /// From a count (rounds for huge counts).
    fn from_usize(n: usize) -> Self;
}

macro_rules! real {
    ($t:ty) => {
        impl Real for $t {
            const ONE: Self = 1.0;
            const EPS: Self = <$t>::EPSILON;
            const INF: Self = <$t>::INFINITY;
            const NAN: Self = <$t>::NAN;
            #[inline(always)]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
            #[inline(always)]
            fn exp(self) -> Self {
                <$t>::exp(self)
            }
            #[inline(always)]
            fn ln(self) -> Self {
                <$t>::ln(self)
            }
            #[inline(always)]
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
            #[inline(always)]
            fn from_usize(n: usize) -> Self {
                n as $t
            }
        }
    };
}
real!(f32);
real!(f64);
