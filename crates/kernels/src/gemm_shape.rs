//! Shapes shared by the level-2 and level-3 kernels (gemv, ger, gemm): storage layout, strides,
//! and the length / leading-dimension checks that make the raw-pointer kernels memory-safe.

use std::fmt;

/// Matrix storage order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// C order: element `(i, j)` at `i·ld + j` (the default).
    #[default]
    RowMajor,
    /// Fortran order: element `(i, j)` at `i + j·ld`.
    ColMajor,
}

impl Layout {
    /// `ColMajor` when `col_major`, else `RowMajor`.
    ///
    /// ```
    /// use polycore_kernels::Layout;
    /// assert_eq!(Layout::from_col_major(true), Layout::ColMajor);
    /// ```
    pub fn from_col_major(col_major: bool) -> Self {
        if col_major {
            Layout::ColMajor
        } else {
            Layout::RowMajor
        }
    }

    /// (rows, cols) of a logical `r × c` matrix as stored: swapped in column-major order.
    pub fn stored(self, r: usize, c: usize) -> (usize, usize) {
        match self {
            Layout::RowMajor => (r, c),
            Layout::ColMajor => (c, r),
        }
    }

    /// (row stride, column stride) of a logical matrix with leading dimension `ld`, transposed
    /// when `trans`.
    pub fn strides(self, ld: usize, trans: bool) -> (isize, isize) {
        let (rs, cs) = match self {
            Layout::RowMajor => (ld as isize, 1),
            Layout::ColMajor => (1, ld as isize),
        };
        if trans {
            (cs, rs)
        } else {
            (rs, cs)
        }
    }
}

/// A shape or stride argument that does not fit the arrays: names the argument, as callers
/// report it (a JS `RangeError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    /// The argument at fault, e.g. `"lda"` or `"c"`.
    pub arg: &'static str,
    /// A sentence for the user.
    pub message: String,
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ShapeError {}

/// Checks a stored `rows × cols` matrix (in storage order) with leading dimension `ld` fits in
/// `len` elements: `ld ≥ max(1, cols)` and `(rows-1)·ld + cols ≤ len`.
///
/// ```
/// use polycore_kernels::gemm_shape::check_matrix;
/// assert!(check_matrix("a", "lda", 6, 2, 3, 3).is_ok());
/// assert_eq!(check_matrix("a", "lda", 6, 2, 3, 2).unwrap_err().arg, "lda");
/// assert_eq!(check_matrix("a", "lda", 5, 2, 3, 3).unwrap_err().arg, "a");
/// ```
pub fn check_matrix(
    name: &'static str,
    ld_name: &'static str,
    len: usize,
    rows: usize,
    cols: usize,
    ld: usize,
) -> Result<(), ShapeError> {
    if ld < cols.max(1) {
        return Err(ShapeError {
            arg: ld_name,
            message: format!("{ld_name} must be at least max(1, {cols}) for {name}, got {ld}"),
        });
    }
    if rows == 0 || cols == 0 {
        return Ok(());
    }
    let need = (rows - 1).checked_mul(ld).and_then(|v| v.checked_add(cols));
    match need {
        Some(need) if need <= len => Ok(()),
        _ => Err(ShapeError {
            arg: name,
            message: format!(
                "{name} is too short: a {rows}×{cols} matrix with {ld_name}={ld} needs {} elements, got {len}",
                need.map_or_else(|| "more than usize::MAX".to_string(), |v| v.to_string())
            ),
        }),
    }
}

/// Checks `count` elements with stride `inc ≥ 1` fit in `len` elements.
///
/// ```
/// use polycore_kernels::gemm_shape::check_vector;
/// assert!(check_vector("x", "incx", 5, 3, 2).is_ok());
/// assert!(check_vector("x", "incx", 4, 3, 2).is_err());
/// ```
pub fn check_vector(
    name: &'static str,
    inc_name: &'static str,
    len: usize,
    count: usize,
    inc: usize,
) -> Result<(), ShapeError> {
    if inc == 0 {
        return Err(ShapeError {
            arg: inc_name,
            message: format!("{inc_name} must be at least 1"),
        });
    }
    if count == 0 {
        return Ok(());
    }
    match (count - 1).checked_mul(inc).and_then(|v| v.checked_add(1)) {
        Some(need) if need <= len => Ok(()),
        _ => Err(ShapeError {
            arg: name,
            message: format!(
                "{name} is too short: {count} elements with {inc_name}={inc} need more than {len}"
            ),
        }),
    }
}

/// Seeded data for the level-2/3 tests.
#[cfg(test)]
pub(crate) mod test_util {
    use crate::float::Float;

    /// A small PCG-style generator (deterministic across runs).
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Self {
            Rng(seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407))
        }
        pub fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 11
        }
        /// Uniform in `0..n`.
        pub fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        /// Uniform in [-1, 1).
        pub fn unit(&mut self) -> f64 {
            (self.next() as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
        }
    }

    pub fn rand_vec<T: Float>(rng: &mut Rng, len: usize) -> Vec<T> {
        (0..len).map(|_| T::from_f64(rng.unit())).collect()
    }

    /// Fewest elements that hold a stored `rows × cols` matrix with leading dimension `ld`.
    pub fn min_len(rows: usize, cols: usize, ld: usize) -> usize {
        if rows == 0 || cols == 0 {
            0
        } else {
            (rows - 1) * ld + cols
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_matrices_need_no_elements() {
        assert!(check_matrix("a", "lda", 0, 0, 5, 5).is_ok());
        assert!(check_matrix("a", "lda", 0, 5, 0, 1).is_ok());
        assert_eq!(check_matrix("a", "lda", 0, 5, 0, 0).unwrap_err().arg, "lda");
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        assert!(check_matrix("a", "lda", 10, usize::MAX, 2, usize::MAX).is_err());
        assert!(check_vector("x", "incx", 10, usize::MAX, usize::MAX).is_err());
    }

    #[test]
    fn strides_follow_layout_and_transpose() {
        assert_eq!(Layout::RowMajor.strides(7, false), (7, 1));
        assert_eq!(Layout::RowMajor.strides(7, true), (1, 7));
        assert_eq!(Layout::ColMajor.strides(7, false), (1, 7));
        assert_eq!(Layout::ColMajor.stored(2, 3), (3, 2));
    }
}
