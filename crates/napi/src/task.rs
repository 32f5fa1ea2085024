//! One async task type for every kernel: a closure run on a libuv thread (kernels may fan out
//! to the shared pool from there) that resolves to a number, holding its arrays alive.

use std::panic::{catch_unwind, AssertUnwindSafe};

use napi::bindgen_prelude::*;

use crate::views::Held;

type Work = Box<dyn FnOnce() -> f64 + Send>;

/// A kernel call queued off the event loop; resolves to the kernel's number (0 for in-place ops).
pub struct Job {
    work: Option<Work>,
    /// The arrays the work reads and writes, referenced until the promise settles.
    _keep: Vec<Held>,
}

impl Job {
    /// Queues `work`, keeping `keep` alive until it has run.
    pub fn spawn(keep: Vec<Held>, work: impl FnOnce() -> f64 + Send + 'static) -> AsyncTask<Job> {
        AsyncTask::new(Job {
            work: Some(Box::new(work)),
            _keep: keep,
        })
    }
}

impl Task for Job {
    type Output = f64;
    type JsValue = f64;

    fn compute(&mut self) -> Result<f64> {
        let work = self
            .work
            .take()
            .ok_or_else(|| Error::from_reason("task ran twice"))?;
        catch_unwind(AssertUnwindSafe(work)).map_err(|p| {
            let msg = p
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("unknown panic");
            Error::from_reason(format!("native kernel panicked: {msg}"))
        })
    }

    fn resolve(&mut self, _env: Env, out: f64) -> Result<f64> {
        Ok(out)
    }
}
