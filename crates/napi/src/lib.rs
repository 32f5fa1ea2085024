//! N-API bindings for polycore. Each module binds one family of kernels; argument validation
//! that JS callers see (TypeError/RangeError naming the argument) lives in `@polycore/native`'s
//! TypeScript wrapper, and every binding re-checks what memory safety depends on.
#![deny(clippy::all)]
// Under `cargo test` napi-derive does not register the exports, so they look unused.
#![cfg_attr(test, allow(dead_code))]

mod alloc;
mod cpu;
mod elementwise;
mod errors;
mod hash;
mod level1;
mod level2;
mod level3;
mod reductions;
mod shm;
mod task;
mod views;
