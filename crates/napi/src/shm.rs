//! Named shared memory for JS (`@polycore/pool`'s `SharedMemory` and the process-shared
//! primitives built on it). A mapping is handed to JS as an external `ArrayBuffer` over the mapped
//! pages (no copy); the mapping is unmapped when V8 collects that buffer. Atomics across processes
//! use `futexWait`/`futexWake` on an `Int32Array` over such a buffer (Linux futex; polling elsewhere).

use std::collections::HashSet;
use std::io;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use napi::bindgen_prelude::*;
use napi_derive::napi;
use polycore_shm::{Segment, WaitResult};

use crate::errors::range_error;

fn io_error(e: io::Error, name: &str) -> Error {
    let code = match e.kind() {
        io::ErrorKind::NotFound => "ENOENT",
        io::ErrorKind::AlreadyExists => "EEXIST",
        io::ErrorKind::PermissionDenied => "EACCES",
        io::ErrorKind::InvalidInput => "EINVAL",
        _ => "EIO",
    };
    Error::new(
        Status::GenericFailure,
        format!("{code}: {e} (shared memory {name:?})"),
    )
}

fn to_js(env: &Env, seg: Segment) -> Result<ArrayBuffer<'_>> {
    let (ptr, len) = (seg.as_ptr(), seg.len());
    // SAFETY: ptr/len describe the mapping owned by `seg`, which the finalizer drops (unmaps)
    // only when V8 releases the buffer; each mapping backs exactly one ArrayBuffer.
    let ab = unsafe { ArrayBuffer::from_external(env, ptr, len, seg, |_, seg| drop(seg)) }?;
    if !std::ptr::eq(ab.as_ptr(), ptr) {
        return Err(Error::new(
            Status::GenericFailure,
            "this runtime does not allow external ArrayBuffers; shared memory is unavailable"
                .to_owned(),
        ));
    }
    Ok(ab)
}

fn byte_size(size: f64) -> Result<usize> {
    if !(size.is_finite() && size >= 1.0 && size.fract() == 0.0 && size <= (1u64 << 46) as f64) {
        return Err(range_error(format!(
            "size must be a positive integer number of bytes (got {size})"
        )));
    }
    Ok(size as usize)
}

/// Creates the named segment (`/name`, zero-filled) and maps it; fails with `EEXIST` if it exists.
/// Unless `track` is false, the name is unlinked at normal process exit (if `shmUnlink` did not remove it before).
#[napi(catch_unwind)]
pub fn shm_create<'env>(
    env: &'env Env,
    name: String,
    size: f64,
    track: Option<bool>,
) -> Result<ArrayBuffer<'env>> {
    let len = byte_size(size)?;
    let seg = Segment::create(&name, len).map_err(|e| io_error(e, &name))?;
    if track.unwrap_or(true) {
        polycore_shm::track(&name);
    }
    to_js(env, seg)
}

/// Maps an existing named segment; fails with `ENOENT` if there is none.
#[napi(catch_unwind)]
pub fn shm_open<'env>(env: &'env Env, name: String) -> Result<ArrayBuffer<'env>> {
    let seg = Segment::open(&name).map_err(|e| io_error(e, &name))?;
    to_js(env, seg)
}

/// Removes a segment's name; false when there was none. Mappings stay valid.
#[napi(catch_unwind)]
pub fn shm_unlink(name: String) -> Result<bool> {
    polycore_shm::untrack(&name);
    match Segment::unlink(&name) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error(e, &name)),
    }
}

fn word(arr: &Int32Array, index: u32) -> Result<&AtomicI32> {
    let slot = arr
        .get(index as usize)
        .ok_or_else(|| range_error(format!("index {index} out of range (length {})", arr.len())))?;
    // SAFETY: `slot` is an aligned i32 inside the array; AtomicI32 has the same layout, and all
    // concurrent access to these words goes through atomics (JS Atomics or this module).
    Ok(unsafe { &*(slot as *const i32 as *const AtomicI32) })
}

fn timeout(ms: f64) -> Option<Duration> {
    if ms.is_finite() && ms >= 0.0 {
        Some(Duration::from_secs_f64(ms / 1000.0))
    } else {
        None
    }
}

fn result_str(r: WaitResult) -> String {
    match r {
        WaitResult::Ok => "ok",
        WaitResult::NotEqual => "not-equal",
        WaitResult::TimedOut => "timed-out",
    }
    .to_owned()
}

/// Blocks this thread while `arr[index] == expected`, until `futexWake` or `timeoutMs`
/// (negative or Infinity: forever). Returns 'ok' | 'not-equal' | 'timed-out' like Atomics.wait.
#[napi(catch_unwind)]
pub fn futex_wait(arr: Int32Array, index: u32, expected: i32, timeout_ms: f64) -> Result<String> {
    let w = word(&arr, index)?;
    Ok(result_str(polycore_shm::wait(
        w,
        expected,
        timeout(timeout_ms),
    )))
}

pub struct FutexWaitTask {
    arr: Int32Array,
    index: u32,
    expected: i32,
    timeout: Option<Duration>,
}

impl Task for FutexWaitTask {
    type Output = String;
    type JsValue = String;
    fn compute(&mut self) -> Result<String> {
        let w = word(&self.arr, self.index)?;
        Ok(result_str(polycore_shm::wait(
            w,
            self.expected,
            self.timeout,
        )))
    }
    fn resolve(&mut self, _env: Env, out: String) -> Result<String> {
        Ok(out)
    }
}

/// `futexWait` on a libuv worker thread, resolving a Promise (keeps the event loop alive).
#[napi(catch_unwind)]
pub fn futex_wait_async(
    arr: Int32Array,
    index: u32,
    expected: i32,
    timeout_ms: f64,
) -> Result<AsyncTask<FutexWaitTask>> {
    word(&arr, index)?;
    Ok(AsyncTask::new(FutexWaitTask {
        arr,
        index,
        expected,
        timeout: timeout(timeout_ms),
    }))
}

/// Wakes up to `count` threads/processes blocked in `futexWait` on `arr[index]`.
#[napi(catch_unwind)]
pub fn futex_wake(arr: Int32Array, index: u32, count: u32) -> Result<u32> {
    let w = word(&arr, index)?;
    Ok(polycore_shm::wake(w, count))
}

/// Offers this thread's CPU to another runnable thread (`sched_yield`): spin-waits call it so a
/// waiter does not burn the time slice of the process it waits for when cores are oversubscribed.
#[napi(catch_unwind)]
pub fn thread_yield() {
    std::thread::yield_now();
}

/// Atomically adds `delta` to `arr[index]` (cross-process safe); returns the old value.
#[napi(catch_unwind)]
pub fn atomic_add(arr: Int32Array, index: u32, delta: i32) -> Result<i32> {
    Ok(word(&arr, index)?.fetch_add(delta, Ordering::SeqCst))
}

static LIVE_THREADS: Mutex<Option<HashSet<u32>>> = Mutex::new(None);

/// Records that JS thread `threadId` of this process is alive until its environment is torn down
/// (normal exit, crash or `worker.terminate()`); see `threadAlive`.
#[napi(catch_unwind)]
pub fn register_thread(env: Env, thread_id: u32) -> Result<()> {
    let mut set = LIVE_THREADS
        .lock()
        .map_err(|_| Error::from_reason("thread registry poisoned"))?;
    if set.get_or_insert_with(HashSet::new).insert(thread_id) {
        drop(set);
        env.add_env_cleanup_hook(thread_id, |id| {
            if let Ok(mut s) = LIVE_THREADS.lock() {
                if let Some(s) = s.as_mut() {
                    s.remove(&id);
                }
            }
        })?;
    }
    Ok(())
}

/// Whether JS thread `threadId` of this process registered itself and is still alive.
#[napi(catch_unwind)]
pub fn thread_alive(thread_id: u32) -> Result<bool> {
    let set = LIVE_THREADS
        .lock()
        .map_err(|_| Error::from_reason("thread registry poisoned"))?;
    Ok(set.as_ref().is_some_and(|s| s.contains(&thread_id)))
}
