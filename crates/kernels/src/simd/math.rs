//! Branch-free `exp` and `ln` for f64 that LLVM vectorizes (libm's are scalar calls), within
//! 1 ulp of libm. f32 inputs go through them in f64 and round once.
#![allow(clippy::excessive_precision)] // fdlibm's constants, digits as published

/// `eˣ`: reduction `x = k·ln2 + r` (|r| ≤ ln2/2, k by the 1.5·2^52 rounding trick), degree-13
/// Taylor polynomial, and `2^k` applied as two exact powers of two (so subnormal results round
/// once). Overflows to +Inf above 709.78, underflows to 0 below −745.13, NaN stays NaN.
///
/// ```
/// use polycore_kernels::simd::math::exp;
/// assert_eq!(exp(0.0), 1.0);
/// assert!((exp(1.0) - std::f64::consts::E).abs() <= f64::EPSILON * 3.0);
/// assert_eq!(exp(1000.0), f64::INFINITY);
/// ```
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    const LOG2E: f64 = std::f64::consts::LOG2_E;
    const LN2_HI: f64 = 6.931_471_803_691_238_164_9e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const SHIFT: f64 = 6_755_399_441_055_744.0; // 1.5·2^52: adding it rounds to an integer
    const C: [f64; 14] = [
        1.0,
        1.0,
        1.0 / 2.0,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5040.0,
        1.0 / 40_320.0,
        1.0 / 362_880.0,
        1.0 / 3_628_800.0,
        1.0 / 39_916_800.0,
        1.0 / 479_001_600.0,
        1.0 / 6_227_020_800.0,
    ];
    let xc = x.clamp(-746.0, 710.0); // NaN stays NaN
    let t = xc * LOG2E + SHIFT;
    let kf = t - SHIFT;
    let r = (xc - kf * LN2_HI) - kf * LN2_LO;
    let mut p = C[13];
    for &c in C[..13].iter().rev() {
        p = p * r + c;
    }
    let k = (t.to_bits() as i64).wrapping_sub(SHIFT.to_bits() as i64);
    let k1 = k >> 1;
    let k2 = k - k1;
    let s1 = f64::from_bits(((k1 + 1023) as u64) << 52);
    let s2 = f64::from_bits(((k2 + 1023) as u64) << 52);
    p * s1 * s2
}

/// `ln x` (the musl/fdlibm algorithm without branches): `x = 2^k·m` with m in [√½, √2),
/// `ln m = 2·atanh(f / (2 + f))` by a degree-14 polynomial. ln 0 = −Inf, ln of a negative
/// number or NaN = NaN, ln +Inf = +Inf; subnormal inputs are scaled by 2^54 first.
///
/// ```
/// use polycore_kernels::simd::math::ln;
/// assert_eq!(ln(1.0), 0.0);
/// assert!((ln(std::f64::consts::E) - 1.0).abs() <= f64::EPSILON);
/// assert!(ln(-1.0).is_nan());
/// ```
#[inline(always)]
pub fn ln(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238_164_9e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_700_02e-10;
    const LG: [f64; 7] = [
        6.666_666_666_666_735_13e-1,
        3.999_999_999_940_941_908e-1,
        2.857_142_874_366_239_149e-1,
        2.222_219_843_214_978_396e-1,
        1.818_357_216_161_805_012e-1,
        1.531_383_769_920_937_332e-1,
        1.479_819_860_511_658_591e-1,
    ];
    let tiny = x < f64::MIN_POSITIVE;
    let xs = if tiny {
        x * 18_014_398_509_481_984.0
    } else {
        x
    }; // · 2^54
    let bits = xs.to_bits();
    let hx = ((bits >> 32) as u32).wrapping_add(0x3ff0_0000 - 0x3fe6_a09e);
    let k = ((hx >> 20) as i32 - 0x3ff) - if tiny { 54 } else { 0 };
    let m =
        f64::from_bits(((((hx & 0x000f_ffff) + 0x3fe6_a09e) as u64) << 32) | (bits & 0xffff_ffff));
    let f = m - 1.0;
    let hfsq = 0.5 * f * f;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (LG[1] + w * (LG[3] + w * LG[5]));
    let t2 = z * (LG[0] + w * (LG[2] + w * (LG[4] + w * LG[6])));
    let dk = k as f64;
    let y = s * (hfsq + t2 + t1) + dk * LN2_LO - hfsq + f + dk * LN2_HI;
    if x == 0.0 {
        f64::NEG_INFINITY
    } else if x < 0.0 || x.is_nan() {
        f64::NAN
    } else if x == f64::INFINITY {
        x
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ulps(a: f64, b: f64) -> f64 {
        if a == b || (a.is_nan() && b.is_nan()) {
            return 0.0;
        }
        ((a - b) / (b.abs() * f64::EPSILON).max(f64::from_bits(1))).abs()
    }

    #[test]
    fn within_one_ulp_of_libm() {
        let mut s = 99u64;
        let (mut we, mut wl) = (0.0f64, 0.0f64);
        for i in 0..400_000u64 {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let u = (s >> 11) as f64 / (1u64 << 53) as f64;
            let xe = if i % 2 == 0 {
                u * 1500.0 - 750.0
            } else {
                u * 40.0 - 20.0
            };
            we = we.max(ulps(exp(xe), xe.exp()));
            let xl = match i % 3 {
                0 => f64::from_bits(s >> 1),
                1 => u * 4.0,
                _ => f64::from_bits((s >> 1) & 0x000f_ffff_ffff_ffff),
            };
            wl = wl.max(ulps(ln(xl), xl.ln()));
        }
        assert!(we <= 1.0, "exp: {we} ulps");
        assert!(wl <= 1.0, "ln: {wl} ulps");
    }

    #[test]
    fn special_values() {
        assert!(exp(f64::NAN).is_nan());
        assert_eq!(exp(f64::INFINITY), f64::INFINITY);
        assert_eq!(exp(f64::NEG_INFINITY), 0.0);
        assert_eq!(exp(709.79), f64::INFINITY);
        assert_eq!(exp(-745.0), 5e-324);
        assert_eq!(exp(-0.0), 1.0);
        assert!(ln(f64::NAN).is_nan());
        assert!(ln(f64::NEG_INFINITY).is_nan());
        assert_eq!(ln(0.0), f64::NEG_INFINITY);
        assert_eq!(ln(-0.0), f64::NEG_INFINITY);
        assert_eq!(ln(f64::INFINITY), f64::INFINITY);
        assert_eq!(ln(5e-324), (5e-324f64).ln());
    }
}
