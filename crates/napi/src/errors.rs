//! Errors thrown to JS.

use napi::{Error, Status};

/// A JS `RangeError`-class failure: lengths, sizes, strides.
pub fn range_error(msg: impl Into<String>) -> Error {
    Error::new(Status::InvalidArg, format!("RangeError: {}", msg.into()))
}
