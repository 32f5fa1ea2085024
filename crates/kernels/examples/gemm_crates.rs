//! Measures the level-2/3 kernels without N-API, and the `gemm` crate (what `level3` builds on)
//! against `matrixmultiply`, single-threaded and on the shared pool.
//!
//! Run: `cargo run --release -p polycore-kernels --example gemm_crates [sizes... | threshold]`
//! (`POLYCORE_NUM_THREADS` sets the pool size; the "2T" columns use the pool).

use std::time::Instant;

use polycore_kernels::level3::{gemm_with, Threading};
use polycore_kernels::{gemm, gemv, GemmParams, GemvParams};

fn best_secs(mut f: impl FnMut(), reps: usize) -> f64 {
    f();
    let mut t: Vec<f64> = (0..reps)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64()
        })
        .collect();
    // Fastest rep: on a shared machine the least-disturbed run is the kernel's speed.
    t.sort_by(|a, b| a.partial_cmp(b).unwrap());
    t[0]
}

fn data<T: polycore_kernels::Float>(len: usize, seed: u64) -> Vec<T> {
    let mut s = seed;
    (0..len)
        .map(|_| {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            T::from_f64((s >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0)
        })
        .collect()
}

/// `threshold` mode: the gemm crate on 1 thread vs on the 2-thread pool, around the threshold.
fn threshold() {
    println!("| n | f64 1 thread | f64 2 threads (crate) | f64 2 threads (split) | f32 1 thread | f32 2 threads (crate) | f32 2 threads (split) |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    polycore_kernels::threads::set_num_threads(2);
    let pool = polycore_kernels::threads::pool();
    for n in [96usize, 128, 160, 192, 224, 256, 320] {
        let gf = |secs: f64| 2.0 * (n as f64).powi(3) / secs / 1e9;
        let (a, b): (Vec<f64>, Vec<f64>) = (data(n * n, 1), data(n * n, 2));
        let (af, bf): (Vec<f32>, Vec<f32>) = (data(n * n, 1), data(n * n, 2));
        let mut c = vec![0.0f64; n * n];
        let mut cf = vec![0.0f32; n * n];
        let ni = n as isize;
        let mut cell = |par: gemm::Parallelism, f32: bool| {
            gf(best_secs(
                || {
                    // SAFETY: n×n row-major matrices, all exactly n·n long and distinct.
                    pool.install(|| unsafe {
                        if f32 {
                            gemm::gemm(
                                n,
                                n,
                                n,
                                cf.as_mut_ptr(),
                                1,
                                ni,
                                false,
                                af.as_ptr(),
                                1,
                                ni,
                                bf.as_ptr(),
                                1,
                                ni,
                                0.0f32,
                                1.0f32,
                                false,
                                false,
                                false,
                                par,
                            )
                        } else {
                            gemm::gemm(
                                n,
                                n,
                                n,
                                c.as_mut_ptr(),
                                1,
                                ni,
                                false,
                                a.as_ptr(),
                                1,
                                ni,
                                b.as_ptr(),
                                1,
                                ni,
                                0.0f64,
                                1.0f64,
                                false,
                                false,
                                false,
                                par,
                            )
                        }
                    })
                },
                50,
            ))
        };
        let (d1, d2) = (
            cell(gemm::Parallelism::None, false),
            cell(gemm::Parallelism::Rayon(2), false),
        );
        let (s1, s2) = (
            cell(gemm::Parallelism::None, true),
            cell(gemm::Parallelism::Rayon(2), true),
        );
        // `cell` borrows c and cf mutably; it is done by now.
        let p = GemmParams::<f64>::new(n, n, n);
        let pf = GemmParams::<f32>::new(n, n, n);
        let d3 = gf(best_secs(
            || gemm_with(&p, &a, &b, &mut c, Threading::Split).unwrap(),
            50,
        ));
        let s3 = gf(best_secs(
            || gemm_with(&pf, &af, &bf, &mut cf, Threading::Split).unwrap(),
            50,
        ));
        println!("| {n} | {d1:.1} | {d2:.1} | {d3:.1} | {s1:.1} | {s2:.1} | {s3:.1} |");
    }
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("threshold") {
        return threshold();
    }
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|s| s.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![64, 256, 512, 1024, 2048]
    } else {
        sizes
    };
    println!("| n | dgemm 1T | matrixmultiply d 1T | dgemm 2T crate | dgemm 2T split | sgemm 1T | matrixmultiply s 1T | sgemm 2T crate | sgemm 2T split | dgemv 1T | dgemvᵀ 1T | sgemv 1T |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let reps = if n >= 2048 {
            3
        } else if n >= 1024 {
            5
        } else {
            20
        };
        let gf = |secs: f64| 2.0 * (n as f64).powi(3) / secs / 1e9;
        let (a, b): (Vec<f64>, Vec<f64>) = (data(n * n, 1), data(n * n, 2));
        let mut c = vec![0.0f64; n * n];
        let (af, bf): (Vec<f32>, Vec<f32>) = (data(n * n, 1), data(n * n, 2));
        let mut cf = vec![0.0f32; n * n];
        let p = GemmParams::<f64>::new(n, n, n);
        let pf = GemmParams::<f32>::new(n, n, n);
        let ni = n as isize;
        polycore_kernels::threads::set_num_threads(1);
        let d1 = gf(best_secs(|| gemm(&p, &a, &b, &mut c).unwrap(), reps));
        let s1 = gf(best_secs(|| gemm(&pf, &af, &bf, &mut cf).unwrap(), reps));
        // SAFETY: n×n row-major matrices, all three exactly n·n long and distinct.
        let md = gf(best_secs(
            || unsafe {
                matrixmultiply::dgemm(
                    n,
                    n,
                    n,
                    1.0,
                    a.as_ptr(),
                    ni,
                    1,
                    b.as_ptr(),
                    ni,
                    1,
                    0.0,
                    c.as_mut_ptr(),
                    ni,
                    1,
                )
            },
            reps,
        ));
        // SAFETY: as above.
        let ms = gf(best_secs(
            || unsafe {
                matrixmultiply::sgemm(
                    n,
                    n,
                    n,
                    1.0,
                    af.as_ptr(),
                    ni,
                    1,
                    bf.as_ptr(),
                    ni,
                    1,
                    0.0,
                    cf.as_mut_ptr(),
                    ni,
                    1,
                )
            },
            reps,
        ));
        let x: Vec<f64> = data(n, 3);
        let mut y = vec![0.0f64; n];
        let xf: Vec<f32> = data(n, 3);
        let mut yf = vec![0.0f32; n];
        let gv = |secs: f64| 2.0 * (n * n) as f64 / secs / 1e9;
        let v1 = gv(best_secs(
            || gemv(&GemvParams::new(n, n), &a, &x, &mut y).unwrap(),
            reps * 10,
        ));
        let vt = gv(best_secs(
            || {
                gemv(
                    &GemvParams {
                        trans: true,
                        ..GemvParams::new(n, n)
                    },
                    &a,
                    &x,
                    &mut y,
                )
                .unwrap()
            },
            reps * 10,
        ));
        let vf = gv(best_secs(
            || gemv(&GemvParams::new(n, n), &af, &xf, &mut yf).unwrap(),
            reps * 10,
        ));
        polycore_kernels::threads::set_num_threads(2);
        let d2c = gf(best_secs(
            || gemm_with(&p, &a, &b, &mut c, Threading::Crate).unwrap(),
            reps,
        ));
        let d2s = gf(best_secs(
            || gemm_with(&p, &a, &b, &mut c, Threading::Split).unwrap(),
            reps,
        ));
        let s2c = gf(best_secs(
            || gemm_with(&pf, &af, &bf, &mut cf, Threading::Crate).unwrap(),
            reps,
        ));
        let s2s = gf(best_secs(
            || gemm_with(&pf, &af, &bf, &mut cf, Threading::Split).unwrap(),
            reps,
        ));
        println!("| {n} | {d1:.1} | {md:.1} | {d2c:.1} | {d2s:.1} | {s1:.1} | {ms:.1} | {s2c:.1} | {s2s:.1} | {v1:.1} | {vt:.1} | {vf:.1} |");
    }
}
