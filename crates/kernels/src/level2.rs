//! BLAS level 2: `gemv` (`y ← α·op(A)·x + β·y`) and `ger` (`A ← α·x·yᵀ + A`).
//!
//! Both are memory-bound (each element of A is used once), so the kernels stream A once with
//! SIMD (compiled for AVX-512, AVX2+FMA and baseline by `multiversion!`, picked at run time)
//! and split across the shared pool only for large matrices. Every stored row of A is handled
//! in one of two forms:
//! - *dot form* (row-major `A·x`, column-major `Aᵀ·x`): `y[r] += α·⟨row r, x⟩`, 4 rows at a time;
//! - *axpy form* (row-major `Aᵀ·x`, column-major `A·x`, and `ger`): `y += (α·x[r])·row r`, 4 rows
//!   at a time so `y` is loaded and stored once per 4 rows.
//!
//! Threads split `y` (the output) into disjoint ranges: rows in dot form, columns in axpy form.

use std::borrow::Cow;

use crate::float::Float;
use crate::gemm_shape::{check_matrix, check_vector, Layout, ShapeError};
use crate::simd::multiversion;
use crate::threads;

/// Elements of A (`m·n`) below which gemv/ger stay on the calling thread. A second thread
/// (≈ 100 µs to wake) pays once one thread needs ≳ 0.5 ms: about 1448² f64 at memory speed
/// (OpenBLAS splits from about 1024², which wins only while the pool is still awake).
pub const GEMV_PARALLEL_MIN_ELEMS: usize = 1 << 21;

/// Shapes, scalars and options of one gemv call (all but the arrays).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GemvParams<T> {
    /// Storage order of A.
    pub layout: Layout,
    /// Use `Aᵀ` (then x has m elements and y has n).
    pub trans: bool,
    /// Rows of A.
    pub m: usize,
    /// Columns of A.
    pub n: usize,
    /// Scale of the product.
    pub alpha: T,
    /// Scale of the old y (0: y is not read).
    pub beta: T,
    /// Leading dimension of A.
    pub lda: usize,
    /// Stride of x (≥ 1).
    pub incx: usize,
    /// Stride of y (≥ 1).
    pub incy: usize,
}

impl<T: Float> GemvParams<T> {
    /// Row-major, no transpose, tight `lda`, unit strides, `α = 1`, `β = 0`.
    ///
    /// ```
    /// let p = polycore_kernels::GemvParams::<f64>::new(2, 3);
    /// assert_eq!((p.lda, p.incx), (3, 1));
    /// ```
    pub fn new(m: usize, n: usize) -> Self {
        let lda = Layout::RowMajor.stored(m, n).1.max(1);
        GemvParams {
            layout: Layout::RowMajor,
            trans: false,
            m,
            n,
            alpha: T::from_f64(1.0),
            beta: T::ZERO,
            lda,
            incx: 1,
            incy: 1,
        }
    }

    /// Elements of x and of y.
    pub fn vector_lens(&self) -> (usize, usize) {
        if self.trans {
            (self.m, self.n)
        } else {
            (self.n, self.m)
        }
    }

    /// Checks `lda`, the strides and that `a`, `x`, `y` are long enough.
    pub fn check(&self, a_len: usize, x_len: usize, y_len: usize) -> Result<(), ShapeError> {
        let (rows, cols) = self.layout.stored(self.m, self.n);
        check_matrix("a", "lda", a_len, rows, cols, self.lda)?;
        let (nx, ny) = self.vector_lens();
        check_vector("x", "incx", x_len, nx, self.incx)?;
        check_vector("y", "incy", y_len, ny, self.incy)
    }
}

/// Shapes and options of one ger call (all but the arrays).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GerParams<T> {
    /// Storage order of A.
    pub layout: Layout,
    /// Rows of A, elements of x.
    pub m: usize,
    /// Columns of A, elements of y.
    pub n: usize,
    /// Scale of the outer product.
    pub alpha: T,
    /// Leading dimension of A.
    pub lda: usize,
    /// Stride of x (≥ 1).
    pub incx: usize,
    /// Stride of y (≥ 1).
    pub incy: usize,
}

impl<T: Float> GerParams<T> {
    /// Row-major, tight `lda`, unit strides, `α = 1`.
    ///
    /// ```
    /// let p = polycore_kernels::GerParams::<f32>::new(4, 5);
    /// assert_eq!(p.lda, 5);
    /// ```
    pub fn new(m: usize, n: usize) -> Self {
        GerParams {
            layout: Layout::RowMajor,
            m,
            n,
            alpha: T::from_f64(1.0),
            lda: n.max(1),
            incx: 1,
            incy: 1,
        }
    }

    /// Checks `lda`, the strides and that `x`, `y`, `a` are long enough.
    pub fn check(&self, x_len: usize, y_len: usize, a_len: usize) -> Result<(), ShapeError> {
        check_vector("x", "incx", x_len, self.m, self.incx)?;
        check_vector("y", "incy", y_len, self.n, self.incy)?;
        let (rows, cols) = self.layout.stored(self.m, self.n);
        check_matrix("a", "lda", a_len, rows, cols, self.lda)
    }
}

/// `y ← α·op(A)·x + β·y` in place, f32 or f64.
///
/// `β = 0` overwrites y without reading it (its NaNs do not survive); `α = 0` only scales y.
/// Errors name the argument (`lda`, `incx`, `a`, `x`, `y`, ...) when shapes do not fit.
///
/// ```
/// use polycore_kernels::{gemv, GemvParams};
/// let a = [1.0f64, 2.0, 3.0, 4.0, 5.0, 6.0]; // 2×3 row-major
/// let mut y = [0.0; 2];
/// gemv(&GemvParams::new(2, 3), &a, &[1.0, 1.0, 1.0], &mut y).unwrap();
/// assert_eq!(y, [6.0, 15.0]);
/// ```
pub fn gemv<T: Dot4>(p: &GemvParams<T>, a: &[T], x: &[T], y: &mut [T]) -> Result<(), ShapeError> {
    p.check(a.len(), x.len(), y.len())?;
    let (nx, ny) = p.vector_lens();
    if ny == 0 {
        return Ok(());
    }
    let mut ybuf = gather_mut(y, ny, p.incy);
    let yc: &mut [T] = ybuf.as_mut();
    scale(yc, p.beta);
    if nx > 0 && p.alpha != T::ZERO {
        let xc = gather(x, nx, p.incx);
        let (rows, cols) = p.layout.stored(p.m, p.n);
        let dot_form = (p.layout == Layout::RowMajor) != p.trans;
        let parallel =
            p.m.saturating_mul(p.n) >= GEMV_PARALLEL_MIN_ELEMS && threads::num_threads() > 1;
        if dot_form {
            // Stored row r gives y[r].
            let run =
                |start: usize, ys: &mut [T]| gemv_dot_rows(a, p.lda, start, cols, &xc, p.alpha, ys);
            for_ranges(yc, parallel, run);
        } else {
            // Stored row r is scaled by α·x[r] and added to y (over its columns).
            let ax: Vec<T> = xc.iter().map(|&v| p.alpha * v).collect();
            let run = |start: usize, ys: &mut [T]| axpy_rows(a, p.lda, rows, start, &ax, ys);
            for_ranges(yc, parallel, run);
        }
    }
    if let Strided::Copy(buf) = ybuf {
        scatter(&buf, y, p.incy);
    }
    Ok(())
}

/// `A ← α·x·yᵀ + A` in place (rank-1 update), f32 or f64.
///
/// ```
/// use polycore_kernels::{ger, GerParams};
/// let mut a = [0.0f32; 4];
/// ger(&GerParams::new(2, 2), &[1.0, 2.0], &[3.0, 4.0], &mut a).unwrap();
/// assert_eq!(a, [3.0, 4.0, 6.0, 8.0]);
/// ```
pub fn ger<T: Float>(p: &GerParams<T>, x: &[T], y: &[T], a: &mut [T]) -> Result<(), ShapeError> {
    p.check(x.len(), y.len(), a.len())?;
    if p.m == 0 || p.n == 0 || p.alpha == T::ZERO {
        return Ok(());
    }
    let xc = gather(x, p.m, p.incx);
    let yc = gather(y, p.n, p.incy);
    // Stored rows are scaled copies of `v` added in place: row r += (α·u[r])·v.
    let (u, v) = match p.layout {
        Layout::RowMajor => (&xc, &yc),
        Layout::ColMajor => (&yc, &xc),
    };
    let au: Vec<T> = u.iter().map(|&s| p.alpha * s).collect();
    let (rows, cols) = (u.len(), v.len());
    let lda = p.lda;
    let parallel = p.m.saturating_mul(p.n) >= GEMV_PARALLEL_MIN_ELEMS && threads::num_threads() > 1;
    if !parallel {
        ger_rows(a, lda, cols, &au, v);
        return Ok(());
    }
    let ranges = threads::split_ranges(rows, threads::num_threads(), 4);
    let last = ranges.len() - 1;
    threads::pool().scope(|s| {
        let mut rest: &mut [T] = a;
        for (i, r) in ranges.into_iter().enumerate() {
            // Rows r.start..r.end start at r.start·lda; every block but the last ends where the
            // next begins, the last keeps what is left (its final row may be shorter than lda).
            let take = if i == last { rest.len() } else { r.len() * lda };
            let (mine, tail) = std::mem::take(&mut rest).split_at_mut(take);
            rest = tail;
            let au = &au[r];
            s.spawn(move |_| ger_rows(mine, lda, cols, au, v));
        }
    });
    Ok(())
}

/// Runs `f(start, chunk)` over `y` split into disjoint chunks: on the pool when `parallel`.
fn for_ranges<T: Float>(y: &mut [T], parallel: bool, f: impl Fn(usize, &mut [T]) + Sync) {
    if !parallel {
        f(0, y);
        return;
    }
    let ranges = threads::split_ranges(y.len(), threads::num_threads(), 16);
    let f = &f;
    threads::pool().scope(|s| {
        let mut rest: &mut [T] = y;
        for r in ranges {
            let (mine, tail) = std::mem::take(&mut rest).split_at_mut(r.len());
            rest = tail;
            s.spawn(move |_| f(r.start, mine));
        }
    });
}

/// x or y as contiguous elements: borrowed when the stride is 1.
enum Strided<'a, T> {
    Direct(&'a mut [T]),
    Copy(Vec<T>),
}

impl<T> Strided<'_, T> {
    fn as_mut(&mut self) -> &mut [T] {
        match self {
            Strided::Direct(s) => s,
            Strided::Copy(v) => v,
        }
    }
}

fn gather<T: Float>(x: &[T], count: usize, inc: usize) -> Cow<'_, [T]> {
    if inc == 1 {
        Cow::Borrowed(&x[..count])
    } else {
        Cow::Owned((0..count).map(|i| x[i * inc]).collect())
    }
}

fn gather_mut<T: Float>(y: &mut [T], count: usize, inc: usize) -> Strided<'_, T> {
    if inc == 1 {
        Strided::Direct(&mut y[..count])
    } else {
        Strided::Copy((0..count).map(|i| y[i * inc]).collect())
    }
}

fn scatter<T: Float>(src: &[T], y: &mut [T], inc: usize) {
    for (i, &v) in src.iter().enumerate() {
        y[i * inc] = v;
    }
}

/// `y ← β·y`; `β = 0` writes zeros.
fn scale<T: Float>(y: &mut [T], beta: T) {
    if beta == T::ZERO {
        y.fill(T::ZERO);
    } else if beta != T::from_f64(1.0) {
        y.iter_mut().for_each(|v| *v = *v * beta);
    }
}

/// Lanes per row in the dot-form accumulators (2 AVX2 registers of f64 per row, 4 rows at once).
const DOT_LANES: usize = 8;

/// `ys[i] += α·⟨row (start+i), x⟩` for the stored rows `start..start+ys.len()`.
fn gemv_dot_rows<T: Dot4>(
    a: &[T],
    lda: usize,
    start: usize,
    cols: usize,
    x: &[T],
    alpha: T,
    ys: &mut [T],
) {
    let mut i = 0;
    while i + 4 <= ys.len() {
        let r = start + i;
        let rows = [
            &a[r * lda..][..cols],
            &a[(r + 1) * lda..][..cols],
            &a[(r + 2) * lda..][..cols],
            &a[(r + 3) * lda..][..cols],
        ];
        let d = T::dot4(rows, x);
        for j in 0..4 {
            ys[i + j] += alpha * d[j];
        }
        i += 4;
    }
    while i < ys.len() {
        let row = &a[(start + i) * lda..][..cols];
        ys[i] += alpha * T::dot4([row, row, row, row], x)[0];
        i += 1;
    }
}

/// Four dot products sharing one vector: the dot-form gemv micro-kernel, with an explicit
/// AVX2+FMA path (LLVM's auto-vectorized form of this loop shuffles) and a portable one.
pub trait Dot4: Float {
    /// `[⟨rows[0], x⟩, …, ⟨rows[3], x⟩]`; every row is at least as long as `x`.
    fn dot4(rows: [&[Self]; 4], x: &[Self]) -> [Self; 4];
}

macro_rules! dot4_impl {
    ($t:ty, $avx2:path) => {
        impl Dot4 for $t {
            #[inline]
            fn dot4(rows: [&[$t]; 4], x: &[$t]) -> [$t; 4] {
                let n = x.len();
                let rows = rows.map(|r| &r[..n]);
                #[cfg(target_arch = "x86_64")]
                if crate::simd::level() != crate::simd::Level::Baseline {
                    // SAFETY: level() is above Baseline only when AVX2 and FMA were detected
                    // (POLYCORE_SIMD=baseline forces the portable path); every row holds n elements.
                    return unsafe { $avx2(rows, x) };
                }
                dot4_portable(rows[0], rows[1], rows[2], rows[3], x)
            }
        }
    };
}
dot4_impl!(f64, avx2::dot4_f64);
dot4_impl!(f32, avx2::dot4_f32);

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    macro_rules! dot4_kernel {
        ($name:ident, $t:ty, $w:expr, $zero:ident, $load:ident, $fma:ident, $add:ident, $store:ident) => {
            /// Four rows × 2 registers of accumulators, FMA, one pass over x.
            #[target_feature(enable = "avx2,fma")]
            pub unsafe fn $name(rows: [&[$t]; 4], x: &[$t]) -> [$t; 4] {
                const W: usize = $w;
                let n = x.len();
                let px = x.as_ptr();
                let pr = rows.map(|r| r.as_ptr());
                let mut acc = [[$zero(); 2]; 4];
                let mut j = 0;
                while j + 2 * W <= n {
                    let x0 = $load(px.add(j));
                    let x1 = $load(px.add(j + W));
                    for r in 0..4 {
                        acc[r][0] = $fma($load(pr[r].add(j)), x0, acc[r][0]);
                        acc[r][1] = $fma($load(pr[r].add(j + W)), x1, acc[r][1]);
                    }
                    j += 2 * W;
                }
                let mut out = [0.0 as $t; 4];
                for r in 0..4 {
                    let mut lanes = [0.0 as $t; W];
                    $store(lanes.as_mut_ptr(), $add(acc[r][0], acc[r][1]));
                    let mut s = 0.0 as $t;
                    for l in lanes {
                        s += l;
                    }
                    for q in j..n {
                        s = (*pr[r].add(q)).mul_add(*px.add(q), s);
                    }
                    out[r] = s;
                }
                out
            }
        };
    }
    dot4_kernel!(
        dot4_f64,
        f64,
        4,
        _mm256_setzero_pd,
        _mm256_loadu_pd,
        _mm256_fmadd_pd,
        _mm256_add_pd,
        _mm256_storeu_pd
    );
    dot4_kernel!(
        dot4_f32,
        f32,
        8,
        _mm256_setzero_ps,
        _mm256_loadu_ps,
        _mm256_fmadd_ps,
        _mm256_add_ps,
        _mm256_storeu_ps
    );
}

multiversion! {
    /// Four dot products sharing `x` (each row is as long as `x`), portable lane-array form.
    fn dot4_portable<T: Float>(r0: &[T], r1: &[T], r2: &[T], r3: &[T], x: &[T]) -> [T; 4] {
        let n = x.len();
        let (r0, r1, r2, r3) = (&r0[..n], &r1[..n], &r2[..n], &r3[..n]);
        let (mut s0, mut s1, mut s2, mut s3) = ([T::ZERO; DOT_LANES], [T::ZERO; DOT_LANES], [T::ZERO; DOT_LANES], [T::ZERO; DOT_LANES]);
        let chunks = x
            .chunks_exact(DOT_LANES)
            .zip(r0.chunks_exact(DOT_LANES))
            .zip(r1.chunks_exact(DOT_LANES))
            .zip(r2.chunks_exact(DOT_LANES))
            .zip(r3.chunks_exact(DOT_LANES));
        for ((((xs, a0), a1), a2), a3) in chunks {
            for l in 0..DOT_LANES {
                s0[l] += a0[l] * xs[l];
                s1[l] += a1[l] * xs[l];
                s2[l] += a2[l] * xs[l];
                s3[l] += a3[l] * xs[l];
            }
        }
        let mut out = [hsum(&s0), hsum(&s1), hsum(&s2), hsum(&s3)];
        for j in n / DOT_LANES * DOT_LANES..n {
            out[0] += r0[j] * x[j];
            out[1] += r1[j] * x[j];
            out[2] += r2[j] * x[j];
            out[3] += r3[j] * x[j];
        }
        out
    }
}

/// Pairwise sum of the accumulator lanes.
#[inline(always)]
fn hsum<T: Float>(s: &[T; DOT_LANES]) -> T {
    let mut w = *s;
    let mut half = DOT_LANES / 2;
    while half > 0 {
        for l in 0..half {
            w[l] += w[l + half];
        }
        half /= 2;
    }
    w[0]
}

/// `ys += Σ_r s[r]·row r[start..start+ys.len()]` over the stored rows `0..rows`.
fn axpy_rows<T: Float>(a: &[T], lda: usize, rows: usize, start: usize, s: &[T], ys: &mut [T]) {
    let w = ys.len();
    let mut r = 0;
    while r + 4 <= rows {
        let row = |q: usize| &a[q * lda + start..][..w];
        axpy4(
            ys,
            row(r),
            row(r + 1),
            row(r + 2),
            row(r + 3),
            [s[r], s[r + 1], s[r + 2], s[r + 3]],
        );
        r += 4;
    }
    while r < rows {
        axpy1(ys, &a[r * lda + start..][..w], s[r]);
        r += 1;
    }
}

multiversion! {
    /// `y += s0·a0 + s1·a1 + s2·a2 + s3·a3` (every slice as long as `y`).
    fn axpy4<T: Float>(y: &mut [T], a0: &[T], a1: &[T], a2: &[T], a3: &[T], s: [T; 4]) {
        let n = y.len();
        let (a0, a1, a2, a3) = (&a0[..n], &a1[..n], &a2[..n], &a3[..n]);
        for j in 0..n {
            y[j] += s[0] * a0[j] + s[1] * a1[j] + s[2] * a2[j] + s[3] * a3[j];
        }
    }
}

/// Rank-1 update of the stored rows held in `a` (row r at `r·lda`): `row r += s[r]·v`.
fn ger_rows<T: Float>(a: &mut [T], lda: usize, cols: usize, s: &[T], v: &[T]) {
    for (r, &sr) in s.iter().enumerate() {
        axpy1(&mut a[r * lda..r * lda + cols], v, sr);
    }
}

multiversion! {
    /// `y += s·x` (x as long as y).
    fn axpy1<T: Float>(y: &mut [T], x: &[T], s: T) {
        let x = &x[..y.len()];
        for (yv, &xv) in y.iter_mut().zip(x) {
            *yv += s * xv;
        }
    }
}

#[cfg(test)]
mod tests;
