//! BLAS-style strided vector views: element `i` of a vector is `data[offset + i·inc]`.
//!
//! `inc` may be negative (the vector then runs backwards from `offset`); it must not be 0.
//! [`check`] says whether `n` elements fit in a buffer of a given length; the strided kernels
//! index with bounds checks, so an unchecked view panics instead of touching foreign memory.

/// Offset of element 0 and distance between elements of a strided vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strided {
    /// Index of element 0 in the buffer.
    pub offset: usize,
    /// Distance between consecutive elements (nonzero, may be negative).
    pub inc: isize,
}

impl Strided {
    /// The contiguous view `offset = 0, inc = 1`.
    pub const UNIT: Strided = Strided { offset: 0, inc: 1 };

    /// A view starting at `offset` with step `inc`.
    pub const fn new(offset: usize, inc: isize) -> Self {
        Strided { offset, inc }
    }

    /// Index in the buffer of element `i`.
    #[inline(always)]
    pub fn at(&self, i: usize) -> usize {
        (self.offset as isize + i as isize * self.inc) as usize
    }

    /// True when the `n` elements are `offset..offset + n` in order.
    #[inline(always)]
    pub fn is_unit(&self) -> bool {
        self.inc == 1
    }
}

/// Why a strided view does not fit its buffer: `(argument, message)` with the argument role
/// `"offset"`, `"inc"` or `"n"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrideError {
    /// Which parameter is wrong: `"offset"`, `"inc"` or `"n"`.
    pub what: &'static str,
    /// Human-readable reason.
    pub message: String,
}

/// Checks that `n` elements of `s` lie inside a buffer of `len` elements.
///
/// ```
/// use polycore_kernels::level1::{check, Strided};
/// assert!(check(3, Strided::new(4, -2), 5).is_ok()); // elements 4, 2, 0
/// assert!(check(3, Strided::new(0, 3), 6).is_err()); // element 2 would be index 6
/// ```
pub fn check(n: usize, s: Strided, len: usize) -> Result<(), StrideError> {
    if s.inc == 0 {
        return Err(StrideError {
            what: "inc",
            message: "must be a nonzero integer".into(),
        });
    }
    if n == 0 {
        return Ok(());
    }
    if s.offset >= len {
        return Err(StrideError {
            what: "offset",
            message: format!("{} is out of bounds for an array of length {len}", s.offset),
        });
    }
    let last = s.offset as i128 + (n as i128 - 1) * s.inc as i128;
    if last < 0 || last >= len as i128 {
        return Err(StrideError {
            what: "n",
            message: format!(
                "{n} elements from offset {} with inc {} need index {last}, outside 0..{len}",
                s.offset, s.inc
            ),
        });
    }
    Ok(())
}

/// Calls `f(ix, iy)` for the buffer indices of elements `0..n` of two strided vectors.
#[inline(always)]
pub(crate) fn for_each2(n: usize, sx: Strided, sy: Strided, mut f: impl FnMut(usize, usize)) {
    let (mut ix, mut iy) = (sx.offset as isize, sy.offset as isize);
    for _ in 0..n {
        f(ix as usize, iy as usize);
        ix += sx.inc;
        iy += sy.inc;
    }
}

/// Calls `f(ix)` for the buffer indices of elements `0..n` of a strided vector.
#[inline(always)]
pub(crate) fn for_each1(n: usize, sx: Strided, mut f: impl FnMut(usize)) {
    let mut ix = sx.offset as isize;
    for _ in 0..n {
        f(ix as usize);
        ix += sx.inc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_accepts_exact_fits_and_rejects_overruns() {
        assert!(check(0, Strided::new(100, 1), 0).is_ok());
        assert!(check(5, Strided::UNIT, 5).is_ok());
        assert_eq!(check(6, Strided::UNIT, 5).unwrap_err().what, "n");
        assert_eq!(check(1, Strided::new(5, 1), 5).unwrap_err().what, "offset");
        assert_eq!(check(1, Strided::new(0, 0), 5).unwrap_err().what, "inc");
        assert_eq!(check(2, Strided::new(0, -1), 5).unwrap_err().what, "n");
        assert!(check(3, Strided::new(2, -1), 3).is_ok());
        assert!(check(usize::MAX / 2, Strided::new(0, isize::MAX), 10).is_err());
    }

    #[test]
    fn indices_follow_offset_and_inc() {
        let mut seen = vec![];
        for_each2(3, Strided::new(4, -2), Strided::new(1, 3), |a, b| {
            seen.push((a, b))
        });
        assert_eq!(seen, vec![(4, 1), (2, 4), (0, 7)]);
    }
}
