//! Splitting one kernel call across the shared pool ([`crate::threads`]) once it is big enough.
//!
//! Below `threshold` elements (measured per kernel: waking a parked thread costs ≈ 100 µs) the
//! call stays on the calling thread; above it the range is cut into one contiguous, 64-element
//! aligned part per pool thread.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::warm;
use crate::threads;

/// `usize::MAX` = no override; else the threshold every kernel uses (for measuring crossovers).
static OVERRIDE: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Makes every kernel split at `threshold` elements instead of its own (`None` restores them).
/// Meant for measuring where a second thread pays off (bench/kernels-level1), not for tuning
/// production calls.
///
/// ```
/// use polycore_kernels::simd::par;
/// par::set_threshold_override(Some(0));
/// par::set_threshold_override(None);
/// ```
pub fn set_threshold_override(threshold: Option<usize>) {
    OVERRIDE.store(threshold.unwrap_or(usize::MAX), Ordering::Relaxed);
}

/// A threshold stated in f64 elements, converted to elements of `T` (memory-bound kernels split
/// at the same number of bytes: f32 twice the elements).
///
/// ```
/// assert_eq!(polycore_kernels::simd::par::per_f64::<f32>(1 << 20), 1 << 21);
/// ```
#[inline(always)]
pub fn per_f64<T>(threshold: usize) -> usize {
    threshold.saturating_mul(8) / std::mem::size_of::<T>().max(1)
}

/// True when `n` elements stay on the calling thread without asking the pool (cheap check).
#[inline(always)]
fn serial(n: usize, threshold: usize) -> bool {
    let threshold = match OVERRIDE.load(Ordering::Relaxed) {
        usize::MAX => threshold,
        o => o,
    };
    n < threshold.max(1)
}

/// Where a below-threshold call is worth halving with the warm helper ([`warm`]): from 1/16 of
/// the pool threshold (≈ 30–60 µs on one thread), with two or more threads and no override.
/// Returns the (64-aligned) split point.
#[inline(always)]
fn warm_split(n: usize, threshold: usize) -> Option<usize> {
    if n < (threshold >> 4).max(1 << 12)
        || OVERRIDE.load(Ordering::Relaxed) != usize::MAX
        || !warm::enabled()
        || threads::num_threads() < 2
    {
        return None;
    }
    Some((n / 2).div_ceil(64) * 64).filter(|&m| m < n)
}

/// The parts `0..n` is split into: one part when `n < threshold` or the pool has one thread.
///
/// ```
/// let parts = polycore_kernels::simd::par::plan(10, 1 << 20);
/// assert_eq!(parts, vec![0..10]);
/// ```
#[allow(clippy::single_range_in_vec_init)] // one part covering 0..n is the intent
pub fn plan(n: usize, threshold: usize) -> Vec<Range<usize>> {
    if serial(n, threshold) {
        return vec![0..n];
    }
    let t = threads::num_threads();
    if t <= 1 {
        return vec![0..n];
    }
    threads::split_ranges(n, t, 64)
}

/// Runs `f` on every part of `0..n` (in parallel when there are several) and folds the
/// per-part results in order with `reduce`. Below the threshold this is just `f(0..n)`.
pub fn map_reduce<R, F, G>(n: usize, threshold: usize, f: F, reduce: G) -> R
where
    R: Send,
    F: Fn(Range<usize>) -> R + Sync,
    G: Fn(R, R) -> R,
{
    if serial(n, threshold) {
        return match warm_split(n, threshold) {
            Some(m) => {
                let (a, b) = warm::join(|| f(0..m), || f(m..n));
                reduce(a, b)
            }
            None => f(0..n),
        };
    }
    let parts = plan(n, threshold);
    if parts.len() <= 1 {
        return f(0..n);
    }
    let mut out: Vec<Option<R>> = parts.iter().map(|_| None).collect();
    let f = &f;
    threads::pool().scope(|s| {
        for (r, slot) in parts.iter().zip(out.iter_mut()) {
            let r = r.clone();
            s.spawn(move |_| *slot = Some(f(r)));
        }
    });
    let mut it = out.into_iter().map(|r| r.expect("every part ran"));
    let first = it.next().expect("at least one part");
    it.fold(first, reduce)
}

/// Cuts `s` into the sub-slices covering `parts` (contiguous, in order, starting at 0).
fn cut<'a, T>(mut s: &'a mut [T], parts: &[Range<usize>]) -> Vec<&'a mut [T]> {
    let mut out = Vec::with_capacity(parts.len());
    let mut at = 0;
    for r in parts {
        let (head, tail) = std::mem::take(&mut s).split_at_mut(r.end - at);
        out.push(head);
        s = tail;
        at = r.end;
    }
    out
}

/// Runs `f(range, &mut y[range])` over the parts of `0..y.len()`.
pub fn for_each_mut<T, F>(y: &mut [T], threshold: usize, f: F)
where
    T: Send,
    F: Fn(Range<usize>, &mut [T]) + Sync,
{
    let n = y.len();
    if serial(n, threshold) {
        if let Some(m) = warm_split(n, threshold) {
            let (lo, hi) = y.split_at_mut(m);
            let f = &f;
            warm::join(|| f(0..m, lo), || f(m..n, hi));
            return;
        }
        return f(0..n, y);
    }
    let parts = plan(n, threshold);
    if parts.len() <= 1 {
        return f(0..n, y);
    }
    let chunks = cut(y, &parts);
    let f = &f;
    threads::pool().scope(|s| {
        for (r, c) in parts.iter().zip(chunks) {
            let r = r.clone();
            s.spawn(move |_| f(r, c));
        }
    });
}

/// Runs `f(range, &mut x[range], &mut y[range])` over the parts of `0..n` (both at least `n` long).
pub fn for_each_mut2<T, F>(x: &mut [T], y: &mut [T], threshold: usize, f: F)
where
    T: Send,
    F: Fn(Range<usize>, &mut [T], &mut [T]) + Sync,
{
    let n = x.len().min(y.len());
    let (x, y) = (&mut x[..n], &mut y[..n]);
    if serial(n, threshold) {
        if let Some(m) = warm_split(n, threshold) {
            let ((xl, xh), (yl, yh)) = (x.split_at_mut(m), y.split_at_mut(m));
            let f = &f;
            warm::join(|| f(0..m, xl, yl), || f(m..n, xh, yh));
            return;
        }
        return f(0..n, x, y);
    }
    let parts = plan(n, threshold);
    if parts.len() <= 1 {
        return f(0..n, x, y);
    }
    let (xs, ys) = (cut(x, &parts), cut(y, &parts));
    let f = &f;
    threads::pool().scope(|s| {
        for ((r, xc), yc) in parts.iter().zip(xs).zip(ys) {
            let r = r.clone();
            s.spawn(move |_| f(r, xc, yc));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_matches_parts() {
        let mut v: Vec<usize> = (0..1000).collect();
        let parts = threads::split_ranges(1000, 3, 64);
        let chunks = cut(&mut v, &parts);
        for (r, c) in parts.iter().zip(&chunks) {
            assert_eq!(c.len(), r.len());
            assert_eq!(c[0], r.start);
        }
    }

    #[test]
    fn map_and_for_each_cover_everything() {
        let n = 3 << 20;
        let total = map_reduce(n, 1 << 20, |r| r.len(), |a, b| a + b);
        assert_eq!(total, n);
        let first = map_reduce(n, 1 << 20, |r| r.start, |a, _| a);
        assert_eq!(first, 0);
        let mut y = vec![0u32; n];
        for_each_mut(&mut y, 1 << 20, |r, c| {
            c.iter_mut().zip(r).for_each(|(v, i)| *v = i as u32)
        });
        assert!(y.iter().enumerate().all(|(i, &v)| v == i as u32));
        let mut x = vec![1u32; n];
        for_each_mut2(&mut x, &mut y, 1 << 20, |_, a, b| {
            a.iter_mut().zip(b).for_each(|(a, b)| std::mem::swap(a, b))
        });
        assert_eq!(x[n - 1], (n - 1) as u32);
        assert_eq!(y[5], 1);
    }
}
