//! Blocking wait/wake on an `i32` in shared memory, across processes.

use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// Outcome of [`wait`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitResult {
    /// Woken (or spuriously returned) after sleeping.
    Ok,
    /// The value was not `expected` when the call started.
    NotEqual,
    /// The timeout passed.
    TimedOut,
}

/// Sleeps while `*word == expected`, until [`wake`] or `timeout` (None: forever).
///
/// ```
/// use std::sync::atomic::AtomicI32;
/// use std::time::Duration;
/// use polycore_shm::{wait, WaitResult};
/// let w = AtomicI32::new(1);
/// assert_eq!(wait(&w, 0, Some(Duration::from_millis(1))), WaitResult::NotEqual);
/// assert_eq!(wait(&w, 1, Some(Duration::from_millis(1))), WaitResult::TimedOut);
/// ```
pub fn wait(word: &AtomicI32, expected: i32, timeout: Option<Duration>) -> WaitResult {
    if word.load(Ordering::SeqCst) != expected {
        return WaitResult::NotEqual;
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    imp::wait(word, expected, deadline)
}

/// Wakes up to `count` waiters on `word`; returns how many were woken (0 where unknown).
///
/// ```
/// use std::sync::atomic::AtomicI32;
/// assert_eq!(polycore_shm::wake(&AtomicI32::new(0), 1), 0);
/// ```
pub fn wake(word: &AtomicI32, count: u32) -> u32 {
    imp::wake(word, count)
}

#[cfg(target_os = "linux")]
mod imp {
    use super::WaitResult;
    use std::sync::atomic::AtomicI32;
    use std::time::Instant;

    pub fn wait(word: &AtomicI32, expected: i32, deadline: Option<Instant>) -> WaitResult {
        let ts = deadline.map(|d| {
            let left = d.saturating_duration_since(Instant::now());
            libc::timespec {
                tv_sec: left.as_secs() as libc::time_t,
                tv_nsec: left.subsec_nanos() as libc::c_long,
            }
        });
        let tsp = ts
            .as_ref()
            .map_or(std::ptr::null(), |t| t as *const libc::timespec);
        // SAFETY: word points to a live, aligned i32; FUTEX_WAIT (shared) only reads it.
        let r = unsafe {
            libc::syscall(
                libc::SYS_futex,
                word.as_ptr(),
                libc::FUTEX_WAIT,
                expected,
                tsp,
                0usize,
                0u32,
            )
        };
        if r == 0 {
            return WaitResult::Ok;
        }
        match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EAGAIN) => WaitResult::NotEqual,
            Some(libc::ETIMEDOUT) => WaitResult::TimedOut,
            _ => WaitResult::Ok, // EINTR: spurious wake-up; callers re-check
        }
    }

    pub fn wake(word: &AtomicI32, count: u32) -> u32 {
        let n = count.min(i32::MAX as u32) as i32;
        // SAFETY: word points to a live, aligned i32; FUTEX_WAKE does not touch memory.
        let r = unsafe {
            libc::syscall(
                libc::SYS_futex,
                word.as_ptr(),
                libc::FUTEX_WAKE,
                n,
                0usize,
                0usize,
                0u32,
            )
        };
        r.max(0) as u32
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use super::WaitResult;
    use std::sync::atomic::{AtomicI32, Ordering};
    use std::time::{Duration, Instant};

    /// Polling with exponential back-off (50 µs .. 2 ms): no portable cross-process futex.
    pub fn wait(word: &AtomicI32, expected: i32, deadline: Option<Instant>) -> WaitResult {
        let mut nap = Duration::from_micros(50);
        loop {
            if word.load(Ordering::SeqCst) != expected {
                return WaitResult::Ok;
            }
            let now = Instant::now();
            if let Some(d) = deadline {
                if now >= d {
                    return WaitResult::TimedOut;
                }
                nap = nap.min(d - now);
            }
            std::thread::sleep(nap);
            nap = (nap * 2).min(Duration::from_millis(2));
        }
    }

    pub fn wake(_word: &AtomicI32, _count: u32) -> u32 {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn wakes_another_thread() {
        let w = Arc::new(AtomicI32::new(0));
        let w2 = w.clone();
        let t = std::thread::spawn(move || {
            while w2.load(Ordering::SeqCst) == 0 {
                wait(&w2, 0, Some(Duration::from_secs(5)));
            }
        });
        std::thread::sleep(Duration::from_millis(20));
        w.store(1, Ordering::SeqCst);
        wake(&w, 1);
        t.join().unwrap();
    }
}

#[cfg(all(test, unix))]
mod shm_tests {
    use super::*;
    use crate::Segment;

    #[test]
    fn wakes_through_a_second_mapping_of_the_same_segment() {
        let name = format!("/polycore-futex-test-{}", std::process::id());
        let a = Segment::create(&name, 4096).unwrap();
        let b = Segment::open(&name).unwrap();
        Segment::unlink(&name).unwrap();
        // SAFETY: both mappings are page-aligned, live for the test, and only accessed atomically.
        let (wa, wb) = unsafe {
            (
                &*(a.as_ptr() as *const AtomicI32),
                &*(b.as_ptr() as *const AtomicI32),
            )
        };
        assert_ne!(a.as_ptr(), b.as_ptr());
        std::thread::scope(|s| {
            s.spawn(|| {
                while wb.load(Ordering::SeqCst) == 0 {
                    wait(wb, 0, Some(Duration::from_secs(5)));
                }
            });
            std::thread::sleep(Duration::from_millis(20));
            wa.store(1, Ordering::SeqCst);
            wake(wa, 1);
        });
        assert_eq!(wb.load(Ordering::SeqCst), 1);
    }
}
