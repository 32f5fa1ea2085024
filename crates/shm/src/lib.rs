//! Named shared memory segments and a cross-process futex.
//!
//! - [`Segment`]: create/open/map/unlink a named segment. Unix: `shm_open` + `ftruncate` + `mmap`
//!   (`MAP_SHARED`); Windows: a pagefile-backed named file mapping (compile-gated, untested).
//! - [`wait`] / [`wake`]: block on an `i32` inside a mapping until another process or thread wakes
//!   it. Linux: a shared (non-private) `futex`, keyed on the page so it works across processes
//!   and across two mappings of the same segment; elsewhere: polling with exponential back-off.
//! - [`track`] / [`untrack`]: names unlinked at normal process exit.
//!
//! ```
//! use polycore_shm::Segment;
//! let name = format!("/polycore-doc-{}", std::process::id());
//! let a = Segment::create(&name, 4096).unwrap();
//! let b = Segment::open(&name).unwrap();
//! unsafe { *a.as_ptr() = 42 };
//! assert_eq!(unsafe { *b.as_ptr() }, 42);
//! Segment::unlink(&name).unwrap();
//! ```

mod futex;
mod registry;
mod segment;

pub use futex::{wait, wake, WaitResult};
pub use registry::{track, untrack};
pub use segment::{valid_name, Segment};
