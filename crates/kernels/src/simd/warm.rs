//! A second kernel thread kept awake between calls, for mid-size level-1 calls.
//!
//! Waking a parked thread costs ≈ 100 µs, so [`super::par`] only splits calls that take ≳ 0.5 ms
//! on one thread. OpenBLAS halves the time of much smaller calls (n ≈ 1e5, ≈ 20 µs) because its
//! threads spin between calls. This module does the same, bounded: one helper thread that, after
//! each job, spins for [`SPIN`] waiting for the next one and then parks. A call uses it only when
//! it is spinning and free (handing it a job then costs well under a microsecond); otherwise the
//! call runs whole on the calling thread, and if mid-size calls come in a burst (the previous one
//! less than [`BURST`] ago), it wakes the helper so the next calls find it awake. An isolated call
//! never wakes it, so a program that calls a kernel now and then pays nothing.
//!
//! ```
//! let (a, b) = polycore_kernels::simd::warm::join(|| 1 + 1, || 2 + 2);
//! assert_eq!((a, b), (2, 4));
//! ```

use std::cell::UnsafeCell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::thread::{self, Thread};
use std::time::{Duration, Instant};

/// How long the helper spins for the next job after finishing one.
pub const SPIN: Duration = Duration::from_micros(100);
/// Calls closer together than this count as a burst (the helper is woken for the next ones).
pub const BURST: Duration = Duration::from_millis(1);

/// Whether mid-size calls may use the helper: on unless `POLYCORE_WARM_HELPER=0` (for machines
/// where a briefly spinning thread is unwelcome).
///
/// ```
/// let _ = polycore_kernels::simd::warm::enabled();
/// ```
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("POLYCORE_WARM_HELPER").map_or(true, |v| v != "0"))
}

const IDLE: u32 = 0;
/// A caller owns the slot and is filling in the job.
const CLAIMED: u32 = 1;
/// The job is ready for the helper.
const POSTED: u32 = 2;
/// The helper finished the job (the caller takes the result and frees the slot).
const DONE: u32 = 3;

/// A job: a borrowed closure the caller keeps alive until the helper says `DONE`.
type Job = *mut (dyn FnMut() + Send);

struct Slot {
    state: AtomicU32,
    job: UnsafeCell<Option<Job>>,
    panicked: AtomicBool,
    parked: AtomicBool,
    /// Set (with an unpark) to make a parked helper spin again without a job.
    wake: AtomicBool,
    /// Nanoseconds since `epoch` of the last call that wanted the helper.
    last_call: AtomicU64,
    epoch: Instant,
    thread: OnceLock<Thread>,
}

// SAFETY: `job` is written only by the caller holding the slot (state CLAIMED) and read only by
// the helper after it saw POSTED (release/acquire on `state`); everything else is atomic.
unsafe impl Sync for Slot {}
// SAFETY: the job pointer is only dereferenced by the helper while the caller waits (see `join`).
unsafe impl Send for Slot {}

static SLOT: OnceLock<Slot> = OnceLock::new();

fn slot() -> &'static Slot {
    SLOT.get_or_init(|| Slot {
        state: AtomicU32::new(IDLE),
        job: UnsafeCell::new(None),
        panicked: AtomicBool::new(false),
        parked: AtomicBool::new(true),
        wake: AtomicBool::new(false),
        last_call: AtomicU64::new(0),
        epoch: Instant::now(),
        thread: OnceLock::new(),
    })
}

fn helper_main(s: &'static Slot) {
    loop {
        s.parked.store(false, Ordering::SeqCst);
        let mut idle_since = Instant::now();
        loop {
            if s.state.load(Ordering::Acquire) == POSTED {
                // SAFETY: POSTED means the caller stored a live job and waits for DONE before
                // the closure it points to goes away.
                let job = unsafe { (*s.job.get()).take() };
                if let Some(job) = job {
                    // SAFETY: as above; the caller does not touch the closure until DONE.
                    let f = unsafe { &mut *job };
                    if panic::catch_unwind(AssertUnwindSafe(f)).is_err() {
                        s.panicked.store(true, Ordering::Relaxed);
                    }
                }
                s.state.store(DONE, Ordering::Release);
                idle_since = Instant::now();
            } else if idle_since.elapsed() > SPIN {
                break;
            } else {
                std::hint::spin_loop();
            }
        }
        // Park; announce it first and look once more, so a job posted meanwhile is not missed
        // (the caller posts, then checks `parked`, and unparks: one of the two sees the other).
        s.parked.store(true, Ordering::SeqCst);
        while s.state.load(Ordering::SeqCst) != POSTED && !s.wake.swap(false, Ordering::SeqCst) {
            thread::park();
        }
    }
}

/// The helper's thread, started on first use (false when it could not be started).
fn start(s: &'static Slot) -> bool {
    if s.thread.get().is_some() {
        return true;
    }
    let spawned = thread::Builder::new()
        .name("polycore-warm".into())
        .spawn(move || helper_main(s));
    match spawned {
        Ok(h) => {
            let _ = s.thread.set(h.thread().clone());
            true
        }
        Err(_) => false,
    }
}

/// Claims the helper if it is awake and free; otherwise notes the call (waking the helper when
/// calls come in a burst) and returns None.
fn claim() -> Option<&'static Slot> {
    let s = slot();
    let now = s.epoch.elapsed().as_nanos() as u64;
    let last = s.last_call.swap(now, Ordering::Relaxed);
    if !s.parked.load(Ordering::Acquire)
        && s.state
            .compare_exchange(IDLE, CLAIMED, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
    {
        if !s.parked.load(Ordering::SeqCst) {
            return Some(s);
        }
        s.state.store(IDLE, Ordering::Release); // it went to sleep meanwhile
    }
    if now.saturating_sub(last) < BURST.as_nanos() as u64
        && s.parked.load(Ordering::Relaxed)
        && start(s)
    {
        if let Some(t) = s.thread.get() {
            s.wake.store(true, Ordering::SeqCst);
            t.unpark(); // a burst: let the next calls find it awake
        }
    }
    None
}

/// Waits for the helper to finish the job posted in `s` and frees the slot (also when unwinding).
struct Wait(&'static Slot);

impl Drop for Wait {
    fn drop(&mut self) {
        let s = self.0;
        let mut spins = 0u32;
        while s.state.load(Ordering::Acquire) != DONE {
            spins = spins.wrapping_add(1);
            if spins.is_multiple_of(1024) && s.parked.load(Ordering::SeqCst) {
                if let Some(t) = s.thread.get() {
                    t.unpark(); // it parked before seeing the job: wake it
                }
            }
            std::hint::spin_loop();
        }
        s.state.store(IDLE, Ordering::Release);
    }
}

/// Runs `a` on the calling thread and `b` on the warm helper when it is awake and free (else both
/// here, `a` first); returns both results. A panic in `b` is re-raised here.
///
/// ```
/// let v: Vec<u64> = (0..1000).collect();
/// let (lo, hi) = v.split_at(500);
/// let (x, y) = polycore_kernels::simd::warm::join(|| lo.iter().sum::<u64>(), || hi.iter().sum::<u64>());
/// assert_eq!(x + y, 499_500);
/// ```
pub fn join<RA, RB, A, B>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA,
    B: FnOnce() -> RB + Send,
    RB: Send,
{
    let Some(s) = claim() else {
        return (a(), b());
    };
    let mut b = Some(b);
    let mut rb: Option<RB> = None;
    let mut run_b = || {
        if let Some(b) = b.take() {
            rb = Some(b());
        }
    };
    let job: &mut (dyn FnMut() + Send) = &mut run_b;
    // SAFETY: only the lifetime is erased; `Wait` below does not return (even when `a` panics)
    // until the helper is done with the closure.
    let job: Job = unsafe { std::mem::transmute::<&mut (dyn FnMut() + Send), Job>(job) };
    // SAFETY: the slot is CLAIMED by us, so nobody else reads or writes `job` now.
    unsafe { *s.job.get() = Some(job) };
    s.panicked.store(false, Ordering::Relaxed);
    s.state.store(POSTED, Ordering::SeqCst);
    if s.parked.load(Ordering::SeqCst) {
        if let Some(t) = s.thread.get() {
            t.unpark();
        }
    }
    let wait = Wait(s);
    let ra = a();
    let panicked = {
        drop(wait);
        s.panicked.load(Ordering::Relaxed)
    };
    if panicked {
        panic!("a kernel panicked on the warm helper thread");
    }
    (ra, rb.expect("the helper ran the job"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_the_same_warm_or_cold() {
        for round in 0..2000u64 {
            let (a, b) = join(|| round * 2, move || round * 3);
            assert_eq!((a, b), (round * 2, round * 3));
        }
    }

    #[test]
    fn borrowed_and_mutable_data_work() {
        let mut v = vec![0u32; 4096];
        for _ in 0..500 {
            let (lo, hi) = v.split_at_mut(2048);
            join(
                || lo.iter_mut().for_each(|x| *x += 1),
                || hi.iter_mut().for_each(|x| *x += 1),
            );
        }
        assert!(v.iter().all(|&x| x == 500));
    }

    #[test]
    fn a_panic_on_either_side_reaches_the_caller_and_the_helper_lives_on() {
        for _ in 0..50 {
            let r = panic::catch_unwind(|| join(|| 1, || -> i32 { panic!("boom") }));
            assert!(r.is_err());
            let r = panic::catch_unwind(|| join(|| -> i32 { panic!("boom") }, || 2));
            assert!(r.is_err());
        }
        assert_eq!(join(|| 1, || 2), (1, 2));
    }

    #[test]
    fn calls_in_a_burst_run_half_on_the_helper() {
        // A burst wakes the helper; on a loaded machine it may take a while to get a core, so keep
        // calling (for up to 20 s) until one call's second half ran on it.
        let start = Instant::now();
        let on_helper = loop {
            let (_, name) = join(|| (), || thread::current().name().map(str::to_owned));
            if name.as_deref() == Some("polycore-warm") {
                break true;
            }
            if start.elapsed() > Duration::from_secs(20) {
                break false;
            }
            thread::sleep(Duration::from_micros(50)); // still a burst (< 1 ms apart)
        };
        assert!(on_helper);
    }

    #[test]
    fn many_threads_calling_at_once() {
        let handles: Vec<_> = (0..4)
            .map(|t| {
                thread::spawn(move || {
                    for i in 0..2000u64 {
                        assert_eq!(join(|| i + t, move || i * t), (i + t, i * t));
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
    }
}
