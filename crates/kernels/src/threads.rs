//! The process-wide native thread pool shared by every kernel.
//!
//! One pool per process (the addon is loaded once even when many worker threads call it), so
//! kernels called from several JS workers at once queue on the same OS threads instead of
//! oversubscribing the cores.

use std::sync::{Arc, OnceLock, RwLock};

static POOL: OnceLock<RwLock<Arc<rayon::ThreadPool>>> = OnceLock::new();

fn build(threads: usize) -> Arc<rayon::ThreadPool> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("polycore-{i}"))
        .build()
        .expect("failed to start the polycore thread pool");
    Arc::new(pool)
}

fn default_threads() -> usize {
    std::env::var("POLYCORE_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or_else(|| crate::cpu_info().logical_cores)
}

/// The shared pool (started on first use with `POLYCORE_NUM_THREADS` or all logical cores).
pub fn pool() -> Arc<rayon::ThreadPool> {
    let lock = POOL.get_or_init(|| RwLock::new(build(default_threads())));
    lock.read().unwrap_or_else(|e| e.into_inner()).clone()
}

/// How many threads kernels use.
///
/// ```
/// assert!(polycore_kernels::threads::num_threads() >= 1);
/// ```
pub fn num_threads() -> usize {
    pool().current_num_threads()
}

/// Sets how many threads kernels use (at least 1). Calls already running finish on the old pool.
///
/// ```
/// polycore_kernels::threads::set_num_threads(2);
/// assert_eq!(polycore_kernels::threads::num_threads(), 2);
/// ```
pub fn set_num_threads(threads: usize) {
    let threads = threads.max(1);
    let lock = POOL.get_or_init(|| RwLock::new(build(threads)));
    let mut guard = lock.write().unwrap_or_else(|e| e.into_inner());
    if guard.current_num_threads() != threads {
        *guard = build(threads);
    }
}

/// Splits `0..n` into `parts` contiguous ranges whose starts are multiples of `align`.
pub fn split_ranges(n: usize, parts: usize, align: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.max(1);
    let align = align.max(1);
    let per = n.div_ceil(parts).div_ceil(align) * align;
    let mut out = Vec::with_capacity(parts);
    let mut start = 0;
    while start < n {
        let end = (start + per.max(align)).min(n);
        out.push(start..end);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_covers_everything_once() {
        for n in [0usize, 1, 7, 64, 1000, 1023] {
            for parts in 1..5 {
                let r = split_ranges(n, parts, 8);
                let total: usize = r.iter().map(|r| r.len()).sum();
                assert_eq!(total, n);
                for w in r.windows(2) {
                    assert_eq!(w[0].end, w[1].start);
                    assert_eq!(w[1].start % 8, 0);
                }
            }
        }
    }
}
