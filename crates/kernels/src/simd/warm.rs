//! A second kernel thread kept awake between calls, for mid-size level-1 calls.
//!
//! Waking a parked thread costs ≈ 100 µs, so [`super::par`] only splits calls that take ≳ 0.5 ms
//! on one thread. OpenBLAS halves the time of much smaller calls (n ≈ 1e5, ≈ 20 µs) because its
//! threads spin between calls. This module does the same, bounded: one helper thread that, after
//! each job, spins for [`SPIN`] waiting for the next one and then parks. A call uses it only when
//! it is spinning and free (handing it a job then costs well under a microsecond); otherwise the
//! call runs whole on the calling thread, and if mid-size calls come in a burst (the previous one
//! less than [`BURST`] ago), it wakes the helper so the next calls find it awake. An isolated call
//! never wakes it, so a program that calls a kernel now and then pays nothing. A job the helper has
//! not started by the time the caller finished its half is taken back and run by the caller.
//!
//! Off by default (`POLYCORE_WARM_HELPER=1` turns it on): on an idle machine it halves ddot at
//! n = 1e5 on 2 cores (≈ 20 → 10 µs, OpenBLAS's speed), but when the cores are busy (one other
//! busy process on the 2-core VM) a helper preempted in the middle of its half makes calls
//! 1.2–1.7× slower, the known cost of OpenBLAS's spinning threads; a pool of workers on every
//! core, polycore's main use, is exactly that case. A cooldown after late joins was tried: it
//! also removed the gain on an idle machine.
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
/// Calls closer together than this count as a burst (the helper is woken for the next ones): no
/// more than the helper spins, so a woken helper is not left spinning between sparser calls.
pub const BURST: Duration = SPIN;

/// Whether mid-size calls may use the helper: only with `POLYCORE_WARM_HELPER=1` (see the module
/// notes for the trade-off).
///
/// ```
/// let _ = polycore_kernels::simd::warm::enabled();
/// ```
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("POLYCORE_WARM_HELPER").is_ok_and(|v| v == "1"))
}

const IDLE: u32 = 0;
/// A caller owns the slot and is filling in the job.
const CLAIMED: u32 = 1;
/// The job is ready for the helper (the caller may still take it back).
const POSTED: u32 = 2;
/// The helper took the job and is running it.
const RUNNING: u32 = 3;
/// The helper finished the job (the caller takes the result and frees the slot).
const DONE: u32 = 4;

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
    /// The helper's thread, spawned once (None when spawning failed).
    thread: OnceLock<Option<Thread>>,
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
            if s.state.load(Ordering::Acquire) == POSTED
                && s.state
                    .compare_exchange(POSTED, RUNNING, Ordering::Acquire, Ordering::Relaxed)
                    .is_ok()
            {
                // SAFETY: RUNNING means the caller stored a live job and now waits for DONE before
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

/// The helper's thread, spawned on first use by exactly one caller (None when spawning failed).
fn helper(s: &'static Slot) -> Option<&'static Thread> {
    s.thread
        .get_or_init(|| {
            thread::Builder::new()
                .name("polycore-warm".into())
                .spawn(move || helper_main(s))
                .ok()
                .map(|h| h.thread().clone())
        })
        .as_ref()
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
    if now.saturating_sub(last) < BURST.as_nanos() as u64 && s.parked.load(Ordering::Relaxed) {
        if let Some(t) = helper(s) {
            s.wake.store(true, Ordering::SeqCst);
            t.unpark(); // a burst: let the next calls find it awake
        }
    }
    None
}

/// The end of a posted job: waits for the helper to finish it, or takes it back if the helper has
/// not started it (it lost its core), then frees the slot. Also runs when `a` unwinds.
struct Wait(&'static Slot);

impl Wait {
    /// True when the job was taken back (the caller must run it); false when the helper ran it.
    fn finish(&self) -> bool {
        let s = self.0;
        let mut spins = 0u32;
        loop {
            match s.state.load(Ordering::Acquire) {
                DONE => {
                    s.state.store(IDLE, Ordering::Release);
                    return false;
                }
                POSTED => {
                    if s.state
                        .compare_exchange(POSTED, CLAIMED, Ordering::Acquire, Ordering::Relaxed)
                        .is_ok()
                    {
                        // SAFETY: CLAIMED again by us: nobody else reads or writes `job`.
                        unsafe { *s.job.get() = None };
                        s.state.store(IDLE, Ordering::Release);
                        return true;
                    }
                }
                _ => {
                    spins = spins.wrapping_add(1);
                    if spins.is_multiple_of(1024) {
                        thread::yield_now(); // it runs our job: let it have this core if it needs it
                    }
                    std::hint::spin_loop();
                }
            }
        }
    }
}

impl Drop for Wait {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.finish();
        }
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
        if let Some(t) = s.thread.get().and_then(Option::as_ref) {
            t.unpark();
        }
    }
    let wait = Wait(s);
    let ra = a();
    let taken_back = wait.finish();
    std::mem::forget(wait); // finished: nothing left for its drop to do
    if taken_back {
        run_b(); // the helper had not started it: do it here
    } else if s.panicked.load(Ordering::Relaxed) {
        panic!("a kernel panicked on the warm helper thread");
    }
    (ra, rb.expect("the job ran"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Mutex, MutexGuard};

    /// The helper is process-wide: these tests take turns (one's late joins must not starve another).
    fn serial() -> MutexGuard<'static, ()> {
        static LOCK: Mutex<()> = Mutex::new(());
        LOCK.lock().unwrap_or_else(|e| e.into_inner())
    }

    #[test]
    fn results_are_the_same_warm_or_cold() {
        let _turn = serial();
        for round in 0..2000u64 {
            let (a, b) = join(|| round * 2, move || round * 3);
            assert_eq!((a, b), (round * 2, round * 3));
        }
    }

    #[test]
    fn borrowed_and_mutable_data_work() {
        let _turn = serial();
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
    fn a_job_the_helper_has_not_started_is_taken_back_and_run_here() {
        let _turn = serial();
        // `a` returns at once, usually before the helper picked the job up: either way `b` runs once.
        for i in 0..5000u32 {
            let (a, b) = join(|| i, move || i + 1);
            assert_eq!((a, b), (i, i + 1));
        }
    }

    #[test]
    fn a_panic_on_either_side_reaches_the_caller_and_the_helper_lives_on() {
        let _turn = serial();
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
        let _turn = serial();
        // A burst wakes the helper; on a loaded machine it may take a while to get a core, so keep
        // calling (for up to 20 s) until one call's second half ran on it.
        let start = Instant::now();
        let on_helper = loop {
            let busy = || {
                let t = Instant::now();
                while t.elapsed() < Duration::from_micros(20) {} // a kernel's half: the helper has time to start
            };
            let (_, name) = join(busy, || thread::current().name().map(str::to_owned));
            if name.as_deref() == Some("polycore-warm") {
                break true;
            }
            if start.elapsed() > Duration::from_secs(20) {
                break false;
            }
            let t = Instant::now();
            while t.elapsed() < Duration::from_micros(30) {} // still a burst (closer than BURST)
        };
        assert!(on_helper);
    }

    #[test]
    fn many_threads_calling_at_once() {
        let _turn = serial();
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
