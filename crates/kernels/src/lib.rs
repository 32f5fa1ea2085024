//! polycore-kernels: pure-Rust numeric kernels (no FFI).
//!
//! Every public kernel takes plain slices, validates nothing it cannot prove safe by types
//! (callers validate shapes and report errors), and picks its SIMD path at run time.
//!
//! ```
//! let x = [1.0f64, 2.0, 3.0];
//! let y = [4.0f64, 5.0, 6.0];
//! assert_eq!(polycore_kernels::dot(&x, &y), 32.0);
//! ```

pub mod cpu;
pub mod elementwise;
pub mod float;
pub mod gemm_shape;
pub mod level1;
pub mod level2;
pub mod level3;
pub mod reductions;
pub mod simd;
pub mod threads;

pub use cpu::{cpu_info, CpuInfo};
pub use float::Float;
pub use gemm_shape::{Layout, ShapeError};
pub use level1::dot;
pub use level2::{gemv, ger, GemvParams, GerParams};
pub use level3::{gemm, GemmParams};
