//! Names this process created, unlinked when the process exits normally (`exit()`/`atexit`).

use std::collections::HashSet;
use std::sync::{Mutex, Once};

static NAMES: Mutex<Option<HashSet<String>>> = Mutex::new(None);
static HOOK: Once = Once::new();

#[cfg_attr(not(unix), allow(dead_code))]
extern "C" fn unlink_all() {
    // try_lock: never block process exit on a lock some other thread holds.
    if let Ok(mut g) = NAMES.try_lock() {
        if let Some(set) = g.take() {
            for n in set {
                let _ = crate::Segment::unlink(&n);
            }
        }
    }
}

/// Remembers `name` so it is unlinked at normal process exit (installs the `atexit` hook once).
///
/// ```
/// polycore_shm::track("/polycore-track-doc");
/// assert!(polycore_shm::untrack("/polycore-track-doc"));
/// ```
pub fn track(name: &str) {
    HOOK.call_once(|| {
        // SAFETY: registers a plain extern "C" function with no captured state.
        #[cfg(unix)]
        unsafe {
            libc::atexit(unlink_all)
        };
    });
    if let Ok(mut g) = NAMES.lock() {
        g.get_or_insert_with(HashSet::new).insert(name.to_owned());
    }
}

/// Forgets `name` (after it was unlinked); returns whether it was tracked.
///
/// ```
/// assert!(!polycore_shm::untrack("/polycore-never-tracked"));
/// ```
pub fn untrack(name: &str) -> bool {
    NAMES
        .lock()
        .ok()
        .and_then(|mut g| g.as_mut().map(|s| s.remove(name)))
        .unwrap_or(false)
}
