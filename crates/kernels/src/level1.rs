//! BLAS level 1: vector-vector kernels, contiguous (`dot`, `axpy`, …) and strided (`*_strided`,
//! BLAS `offset`/`inc` semantics, see [`Strided`]).

mod dot;
mod norms;
mod strided;
mod update;

pub use dot::{dot, dot_portable, dot_strided, SimdDot, PARALLEL_THRESHOLD};
pub(crate) use norms::tree_sum;
pub use norms::{
    asum, asum_strided, iamax, iamax_strided, nrm2, nrm2_strided, Nrm2, REDUCE_THRESHOLD,
};
pub use strided::{check, StrideError, Strided};
pub use update::{
    axpy, axpy_strided, axpy_within, copy, copy_strided, copy_within, rot, rot_strided, rot_within,
    scal, scal_strided, swap, swap_strided, swap_within, SCAL_THRESHOLD, UPDATE_THRESHOLD,
};

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
pub(crate) use tests::data as tests_data;
