//! Run-time SIMD dispatch shared by the level-1, elementwise and reduction kernels.
//!
//! Kernels are written once as plain lane-array Rust (`[T; LANES]` accumulators, no
//! reassociation needed, so LLVM vectorizes them exactly) and compiled three times by
//! [`multiversion!`]: for AVX-512, for AVX2+FMA and for the baseline target. The widest path the
//! CPU supports is picked at run time (the decision is cached).

pub mod math;
pub mod par;
pub mod real;
pub mod warm;

pub use real::Real;

use std::sync::atomic::{AtomicU8, Ordering};

/// Lanes of the accumulator arrays kernels keep: 32 elements are 8 AVX2 or 4 AVX-512 registers
/// of f64 (4/2 for f32), enough independent chains to hide add latency.
pub const LANES: usize = 32;

/// The SIMD tier a kernel runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Whatever the compile target guarantees (SSE2 on x86-64, NEON on aarch64).
    Baseline,
    /// AVX2 + FMA.
    Avx2,
    /// AVX-512 F/VL/DQ (plus AVX2 + FMA).
    Avx512,
}

static LEVEL: AtomicU8 = AtomicU8::new(0);

fn detect() -> Level {
    #[cfg(target_arch = "x86_64")]
    {
        if std::env::var("POLYCORE_SIMD").ok().as_deref() == Some("baseline") {
            return Level::Baseline;
        }
        let avx2 = crate::cpu::has_avx2_fma();
        let avx512 = avx2
            && std::is_x86_feature_detected!("avx512f")
            && std::is_x86_feature_detected!("avx512vl")
            && std::is_x86_feature_detected!("avx512dq")
            && std::env::var("POLYCORE_SIMD").ok().as_deref() != Some("avx2");
        if avx512 {
            return Level::Avx512;
        }
        if avx2 {
            return Level::Avx2;
        }
    }
    Level::Baseline
}

/// The SIMD tier chosen for this process (detected once; `POLYCORE_SIMD=avx2|baseline` caps it).
///
/// ```
/// let level = polycore_kernels::simd::level();
/// assert!(matches!(level, polycore_kernels::simd::Level::Baseline | polycore_kernels::simd::Level::Avx2 | polycore_kernels::simd::Level::Avx512));
/// ```
#[inline]
pub fn level() -> Level {
    match LEVEL.load(Ordering::Relaxed) {
        1 => Level::Baseline,
        2 => Level::Avx2,
        3 => Level::Avx512,
        _ => {
            let l = detect();
            LEVEL.store(
                match l {
                    Level::Baseline => 1,
                    Level::Avx2 => 2,
                    Level::Avx512 => 3,
                },
                Ordering::Relaxed,
            );
            l
        }
    }
}

/// Defines `fn name<T: Bound, ...>(args) -> R` whose body is compiled for AVX-512, AVX2+FMA and
/// the baseline target, choosing the widest one the CPU has at run time. Bounds are single
/// trait paths; the body must be safe code.
macro_rules! multiversion {
    ($(#[$m:meta])* $vis:vis fn $name:ident<$($g:ident: $b:path),+>($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $(#[$m])* $vis fn $name<$($g: $b),+>($($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            fn body<$($g: $b),+>($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx512vl,avx512dq,avx2,fma")]
                unsafe fn v512<$($g: $b),+>($($arg: $ty),*) $(-> $ret)? { body::<$($g),+>($($arg),*) }
                #[target_feature(enable = "avx2,fma")]
                unsafe fn v256<$($g: $b),+>($($arg: $ty),*) $(-> $ret)? { body::<$($g),+>($($arg),*) }
                match $crate::simd::level() {
                    // SAFETY: level() returns Avx512 only when AVX-512 F/VL/DQ, AVX2 and FMA were detected.
                    $crate::simd::Level::Avx512 => return unsafe { v512::<$($g),+>($($arg),*) },
                    // SAFETY: level() returns Avx2 only when AVX2 and FMA were detected.
                    $crate::simd::Level::Avx2 => return unsafe { v256::<$($g),+>($($arg),*) },
                    $crate::simd::Level::Baseline => {}
                }
            }
            body::<$($g),+>($($arg),*)
        }
    };
}
pub(crate) use multiversion;
