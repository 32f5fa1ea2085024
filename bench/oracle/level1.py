"""Recomputes bench/oracle/level1.mjs's cases with OpenBLAS (CBLAS through ctypes into numpy's
bundled scipy_openblas64; same strides, BLAS semantics) and numpy, and compares with polycore.

Bounds (eps of the dtype): dot/asum/sum/mean 2·n·eps·Σ|terms|; nrm2 2·n·eps·‖x‖; axpy/rot
4·eps·(|alpha|·max|x| + max|x| + max|y|) per element; fma 2·eps·(|ab| + |result|); copy/swap/scal/min/max/iamax/abs/
sqrt/add… exact or 1 ulp; kahan 2·eps·|Σx| + n·eps²·Σ|x|; variance 64·n·eps·var.
Usage: python3 level1.py <dir written by level1.mjs>
"""
import ctypes
import glob
import json
import math
import os
import sys

import numpy as np


def openblas():
    libs = os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs")
    lib = ctypes.CDLL(glob.glob(os.path.join(libs, "libscipy_openblas64_*.so"))[0])
    I, P = ctypes.c_int64, ctypes.c_void_p
    fns = {}
    for p, sc in (("d", ctypes.c_double), ("s", ctypes.c_float)):
        spec = {
            "dot": (sc, [I, P, I, P, I]), "axpy": (None, [I, sc, P, I, P, I]), "scal": (None, [I, sc, P, I]),
            "copy": (None, [I, P, I, P, I]), "swap": (None, [I, P, I, P, I]), "rot": (None, [I, P, I, P, I, sc, sc]),
            "nrm2": (sc, [I, P, I]), "asum": (sc, [I, P, I]), "iamax": (ctypes.c_size_t, [I, P, I]),
        }
        for op, (res, args) in spec.items():
            name = f"i{p}amax" if op == "iamax" else f"{p}{op}"
            f = getattr(lib, f"scipy_cblas_{name}64_")
            f.restype, f.argtypes = res, args
            fns[(p, op)] = f
    return fns


def rel_err(got, want, bound):
    if isinstance(want, float) and math.isnan(want):
        return 0.0 if math.isnan(got) else math.inf
    if isinstance(want, float) and math.isinf(want):
        return 0.0 if got == want else math.inf
    if math.isnan(got) or math.isinf(got):
        return math.inf
    return abs(got - want) / bound if bound > 0 else (0.0 if got == want else math.inf)


def arr_err(got, want, bound):
    got, want = np.asarray(got, np.float64), np.asarray(want, np.float64)
    if got.shape != want.shape:
        return math.inf
    nan_ok = np.isnan(got) == np.isnan(want)
    inf_ok = np.where(np.isinf(want), got == want, True)
    if not (nan_ok.all() and inf_ok.all()):
        return math.inf
    fin = np.isfinite(want)
    if not fin.any():
        return 0.0
    b = np.broadcast_to(bound, want.shape)[fin]
    d = np.abs(got[fin] - want[fin])
    return float(np.max(np.where(b > 0, d / np.where(b > 0, b, 1), np.where(d == 0, 0, np.inf))))


def main():
    d = sys.argv[1]
    cases = json.load(open(os.path.join(d, "cases.json")))
    blas = openblas()
    worst = {}
    failures = 0
    for c in cases:
        dt = np.float64 if c["dtype"] == "f64" else np.float32
        eps = float(np.finfo(dt).eps)
        load = lambda name: np.fromfile(os.path.join(d, name), dtype=dt)  # noqa: E731
        op, n = c["op"], c["n"]
        if c["family"] == "l1":
            x, y = load(c["ins"]["x"]), load(c["ins"]["y"])
            px, py = x.ctypes.data, y.ctypes.data
            p = "d" if dt == np.float64 else "s"
            f = blas[(p, op)]
            ix, iy = c["incX"], c["incY"]
            x64, y64 = x.astype(np.float64), y.astype(np.float64)
            if op in ("dot", "nrm2", "asum", "iamax"):
                want = f(n, px, ix, py, iy) if op == "dot" else f(n, px, abs(ix))
                if op == "iamax":
                    want = -1 if n == 0 else int(want)
                    err = 0.0 if float(c["result"]) == want else math.inf
                else:
                    xs = x64[::ix] if ix > 0 else x64[::ix]
                    ys = y64[::iy] if iy > 0 else y64[::iy]
                    if op == "dot":
                        scale = float(np.sum(np.abs(xs[:n] * ys[:n]))) if n else 0.0
                    elif op == "asum":
                        scale = float(np.sum(np.abs(xs[:n])))
                    else:
                        scale = float(want) if math.isfinite(want) else 0.0
                    err = rel_err(float(c["result"]), float(want), 2 * max(n, 1) * eps * scale + 1e-300)
            else:
                if op == "axpy":
                    f(n, c["alpha"], px, ix, py, iy)
                elif op == "scal":
                    f(n, c["alpha"], px, abs(ix))
                elif op == "rot":
                    f(n, px, ix, py, iy, c["c"], c["s"])
                else:
                    f(n, px, ix, py, iy)
                gx, gy = load(c["outs"]["x"]), load(c["outs"]["y"])
                # axpy/rot mix both vectors (and OpenBLAS may fuse): bound by their largest magnitudes
                mags = [float(np.max(np.abs(v[np.isfinite(v)]), initial=0)) for v in (x64, y64)]
                bx = by = 4 * eps * (abs(c["alpha"]) * mags[0] + mags[0] + mags[1]) + 1e-300
                err = max(arr_err(gx, x, bx), arr_err(gy, y, by))
        elif c["family"] == "ew":
            a, b, cc = (load(c["ins"][k]).astype(np.float64) for k in ("a", "b", "c"))
            with np.errstate(all="ignore"):
                exact = {
                    "add": a + b, "sub": a - b, "mul": a * b, "div": a / b, "minimum": np.minimum(a, b),
                    "maximum": np.maximum(a, b), "fma": a * b + cc, "sqrt": np.sqrt(a), "exp": np.exp(a),
                    "log": np.log(a), "abs": np.abs(a), "clamp": np.clip(a, -0.5, 0.25),
                }[op]
            want = exact.astype(dt)
            bound = 2 * eps * (np.abs(exact) + (np.abs(a * b) if op == "fma" else 0) + 1e-300)
            err = arr_err(load(c["outs"]["out"]), want, bound)
        else:
            x = load(c["ins"]["x"])
            x64 = x.astype(np.float64)
            s1 = float(np.sum(np.abs(x64[np.isfinite(x64)])))
            with np.errstate(all="ignore"):
                if op == "sum":
                    want, bound = float(np.sum(x)), 2 * n * eps * s1
                elif op == "kahan":
                    want = math.fsum(x64) if np.isfinite(x64).all() else float(np.sum(x64))
                    bound = 2 * eps * abs(want) + n * eps * eps * s1 if math.isfinite(want) else 0
                elif op == "min":
                    want, bound = float(np.min(x)), 0
                elif op == "max":
                    want, bound = float(np.max(x)), 0
                elif op == "mean":
                    want, bound = float(np.mean(x64)), 2 * n * eps * s1 / n
                else:
                    want = float(np.var(x64, ddof=c["ddof"])) if n > c["ddof"] else math.nan
                    bound = 64 * n * eps * abs(want) if math.isfinite(want) else 0
            got = float(c["result"])
            same = got == want or (math.isnan(want) and math.isnan(got))
            err = rel_err(got, want, bound + 1e-300) if bound else (0.0 if same else math.inf)
        key = f"{c['family']}:{op}"
        w = worst.setdefault(key, [0, 0.0])
        w[0] += 1
        w[1] = max(w[1], err)
        if err > 1:
            failures += 1
            print(f"FAIL {key} {c['dtype']} n={n} {c.get('kind', '')} incs={c.get('incX')},{c.get('incY')}: error {err:.3g} × bound")
    print(f"\nnumpy {np.__version__}, OpenBLAS via ctypes (scipy_openblas64 CBLAS)")
    print("| op | cases | worst error / bound |\n|---|---:|---:|")
    for k in sorted(worst):
        print(f"| {k} | {worst[k][0]} | {worst[k][1]:.3g} |")
    print(f"\n{len(cases)} cases, {failures} outside their bound")
    sys.exit(1 if failures else 0)


main()
