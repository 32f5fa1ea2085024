//! Native-loop timings of the level-1 kernels (no N-API) and a STREAM-like triad, for
//! bench/kernels-level1. Prints one JSON object: best-batch ns per call for each
//! `kernel:dtype:n:threads`, and triad GB/s per thread count.
//!
//! Usage: `cargo run --release -p polycore-kernels --example level1_native -- 0.1 1,2 1000,100000,10000000`
//! or `… -- --serve 0.1`: reads `kernel dtype n threads` (or `triad threads`) lines from stdin and
//! answers one number per line (ns per call, or GB/s), so a driver can interleave peers cell by cell;
//! or `… -- thresholds 0.05`: 1-thread vs 2-thread time per kernel for n = 2^13 … 2^23 (every
//! call forced to split), to place each kernel's threading threshold; or `… -- isolated 1,2
//! 10000,100000`: median ns of single calls each preceded by a 2 ms pause (the pool's threads have
//! gone to sleep), to check that isolated calls do not pay a wake-up.

use std::hint::black_box;
use std::time::Instant;

use polycore_kernels::level1 as k;
use polycore_kernels::simd::{par, Real};
use polycore_kernels::threads;

fn best_ns(budget: f64, mut f: impl FnMut()) -> f64 {
    f();
    let mut reps = 1usize;
    loop {
        let t = Instant::now();
        for _ in 0..reps {
            f();
        }
        if t.elapsed().as_secs_f64() > budget / 20.0 || reps > 1 << 24 {
            break;
        }
        reps *= 2;
    }
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed().as_secs_f64() < budget && times.len() < 200) {
        let t = Instant::now();
        for _ in 0..reps {
            f();
        }
        times.push(t.elapsed().as_secs_f64() * 1e9 / reps as f64);
    }
    // the best batch, as STREAM reports: on a shared machine it is the least disturbed one
    times.iter().cloned().fold(f64::INFINITY, f64::min)
}

/// Seeded values in [-1, 1) on memory advised for transparent huge pages (as numpy's large arrays
/// and `allocFloat64` are), so every peer streams from the same kind of pages.
fn data<T: Real>(n: usize, seed: u64) -> Vec<T> {
    let mut v = vec![T::ZERO; n];
    advise_huge(&mut v);
    let mut s = seed;
    for e in v.iter_mut() {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *e = T::from_f64(((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0);
    }
    v
}

#[cfg(target_os = "linux")]
fn advise_huge<T>(v: &mut [T]) {
    extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    let start = v.as_mut_ptr() as usize;
    let (lo, hi) = (
        (start + 4095) & !4095,
        (start + std::mem::size_of_val(v)) & !4095,
    );
    if hi > lo {
        // SAFETY: a page-aligned range inside `v`; MADV_HUGEPAGE (14) never changes contents.
        unsafe {
            madvise(lo as *mut std::ffi::c_void, hi - lo, 14);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge<T>(_v: &mut [T]) {}

fn kernels<T: Real + k::SimdDot + k::Nrm2>(
    dt: &str,
    n: usize,
    t: usize,
    budget: f64,
    out: &mut Vec<String>,
) {
    let x: Vec<T> = data(n, 1);
    let mut y: Vec<T> = data(n, 2);
    for name in ["dot", "axpy", "nrm2", "asum", "iamax"] {
        out.push(format!(
            "\"{name}:{dt}:{n}:{t}\": {:.1}",
            cell(name, &x, &mut y, budget)
        ));
    }
}

/// 1- vs 2-thread ns per call for n = 2^13 … 2^23, every call split across the pool on 2 threads.
fn thresholds(budget: f64) {
    use polycore_kernels::elementwise::{self as ew, Binary, Operand, Unary};
    use polycore_kernels::reductions::{self as red, SumMethod};
    let mut rows = Vec::new();
    for p in 13..=23 {
        let n = 1usize << p;
        let x: Vec<f64> = data(n, 1);
        let mut y: Vec<f64> = data(n, 2);
        let mut out = vec![0.0f64; n];
        let mut cell = |name: &str, f: &mut dyn FnMut()| {
            let mut t = [0.0; 2];
            for (i, threads) in [1usize, 2].into_iter().enumerate() {
                threads::set_num_threads(threads);
                par::set_threshold_override(Some(0));
                t[i] = best_ns(budget, &mut *f);
            }
            par::set_threshold_override(None);
            rows.push(format!("\"{name}:{n}\": [{:.0}, {:.0}]", t[0], t[1]));
        };
        cell("dot", &mut || {
            black_box(k::dot(&x, &y));
        });
        cell("axpy", &mut || k::axpy(1e-9, &x, &mut y));
        cell("nrm2", &mut || {
            black_box(k::nrm2(&x));
        });
        cell("asum", &mut || {
            black_box(k::asum(&x));
        });
        cell("sum", &mut || {
            black_box(red::sum(&x, SumMethod::Pairwise));
        });
        cell("add", &mut || {
            ew::binary(
                Binary::Add,
                Operand::Slice(&x),
                Operand::Slice(&y),
                &mut out,
            )
        });
        cell("abs", &mut || {
            ew::unary(Unary::Abs, Operand::Slice(&x), &mut out)
        });
        cell("exp", &mut || {
            ew::unary(Unary::Exp, Operand::Slice(&x), &mut out)
        });
    }
    println!("{{{}}}", rows.join(", "));
}

/// ns per call of one kernel on fresh data (f64 or f32).
fn cell<T: Real + k::SimdDot + k::Nrm2>(kernel: &str, x: &[T], y: &mut [T], budget: f64) -> f64 {
    let mut flip = T::ONE;
    match kernel {
        "dot" => best_ns(budget, || {
            black_box(k::dot(black_box(x), black_box(&*y)));
        }),
        "axpy" => best_ns(budget, || {
            flip = -flip;
            k::axpy(flip, black_box(x), black_box(&mut *y));
        }),
        "nrm2" => best_ns(budget, || {
            black_box(k::nrm2(black_box(x)));
        }),
        "asum" => best_ns(budget, || {
            black_box(k::asum(black_box(x)));
        }),
        "iamax" => best_ns(budget, || {
            black_box(k::iamax(black_box(x)));
        }),
        _ => f64::NAN,
    }
}

/// GB/s of the triad a = b + 3·c over 3 × 80 MB on the current pool.
fn triad(budget: f64) -> f64 {
    let n = 10_000_000;
    let (b, c): (Vec<f64>, Vec<f64>) = (data(n, 3), data(n, 4));
    let mut a: Vec<f64> = data(n, 5);
    let ns = best_ns(budget, || {
        par::for_each_mut(&mut a, 0, |r, chunk| {
            let (bs, cs) = (&b[r.clone()], &c[r]);
            for i in 0..chunk.len() {
                chunk[i] = bs[i] + 3.0 * cs[i];
            }
        });
        black_box(&a);
    });
    24.0 * n as f64 / ns
}

/// Median ns of one call made after a 2 ms pause, for each kernel × n × threads.
fn isolated(threads_list: &[usize], sizes: &[usize]) {
    let mut out = Vec::new();
    for &n in sizes {
        let (x, mut y): (Vec<f64>, Vec<f64>) = (data(n, 1), data(n, 2));
        for &t in threads_list {
            threads::set_num_threads(t);
            for kernel in ["dot", "axpy", "nrm2", "asum"] {
                let mut times: Vec<f64> = (0..41)
                    .map(|_| {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                        let start = Instant::now();
                        match kernel {
                            "dot" => drop(black_box(k::dot(black_box(&x), black_box(&y)))),
                            "axpy" => k::axpy(1e-9, black_box(&x), black_box(&mut y)),
                            "nrm2" => drop(black_box(k::nrm2(black_box(&x)))),
                            _ => drop(black_box(k::asum(black_box(&x)))),
                        }
                        start.elapsed().as_secs_f64() * 1e9
                    })
                    .collect();
                times.sort_by(f64::total_cmp);
                out.push(format!(
                    "\"{kernel}:f64:{n}:{t}\": {:.0}",
                    times[times.len() / 2]
                ));
            }
        }
    }
    println!("{{{}}}", out.join(", "));
}

fn serve(budget: f64) {
    use std::io::BufRead;
    /// (dtype, n, x64, y64, x32, y32) of the last cell, reused while the next asks the same size.
    type Arrays = (String, usize, Vec<f64>, Vec<f64>, Vec<f32>, Vec<f32>);
    let mut cache: Option<Arrays> = None;
    println!("{{\"simd\": \"{:?}\"}}", polycore_kernels::simd::level());
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let w: Vec<&str> = line.split_whitespace().collect();
        let answer = match w.as_slice() {
            ["triad", t] => {
                threads::set_num_threads(t.parse().unwrap_or(1));
                triad(budget)
            }
            [kernel, dt, n, t] => {
                threads::set_num_threads(t.parse().unwrap_or(1));
                let n: usize = n.parse().unwrap_or(0);
                if cache.as_ref().map(|c| (c.0.as_str(), c.1)) != Some((*dt, n)) {
                    cache = Some((
                        dt.to_string(),
                        n,
                        data(n, 1),
                        data(n, 2),
                        data(n, 1),
                        data(n, 2),
                    ));
                }
                let c = cache.as_mut().expect("filled above");
                if *dt == "f64" {
                    cell(kernel, &c.2, &mut c.3, budget)
                } else {
                    cell(kernel, &c.4, &mut c.5, budget)
                }
            }
            _ => f64::NAN,
        };
        println!("{answer}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve") {
        return serve(args.get(2).and_then(|v| v.parse().ok()).unwrap_or(0.1));
    }
    if args.get(1).map(String::as_str) == Some("thresholds") {
        return thresholds(args.get(2).and_then(|v| v.parse().ok()).unwrap_or(0.05));
    }
    let budget: f64 = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(0.1);
    let list = |i: usize, d: &str| -> Vec<usize> {
        args.get(i)
            .map(String::as_str)
            .unwrap_or(d)
            .split(',')
            .map(|v| v.parse().unwrap())
            .collect()
    };
    if args.get(1).map(String::as_str) == Some("isolated") {
        return isolated(&list(2, "1,2"), &list(3, "10000,100000,1000000"));
    }
    let thread_counts = list(2, "1,2");
    let sizes = list(3, "1000,100000,10000000");
    let mut out = Vec::new();
    let mut triads = Vec::new();
    for &t in &thread_counts {
        threads::set_num_threads(t);
        for &n in &sizes {
            kernels::<f64>("f64", n, t, budget, &mut out);
            kernels::<f32>("f32", n, t, budget, &mut out);
        }
        triads.push(format!("\"{t}\": {:.2}", triad(budget * 4.0)));
    }
    println!(
        "{{\"simd\": \"{:?}\", \"ns\": {{{}}}, \"triad_gbs\": {{{}}}}}",
        polycore_kernels::simd::level(),
        out.join(", "),
        triads.join(", ")
    );
}
