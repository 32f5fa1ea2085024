//! N-API bindings for polycore. Each module binds one family of kernels; argument validation
//! that JS callers see (TypeError/RangeError naming the argument) lives in `@polycore/native`'s
//! TypeScript wrapper, and every binding re-checks what memory safety depends on.
#![deny(clippy::all)]

mod cpu;
mod errors;
mod level1;
