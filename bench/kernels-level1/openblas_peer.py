"""OpenBLAS peer for bench/kernels-level1: prints one JSON object of best-batch seconds per call.

Calls OpenBLAS's real CBLAS level-1 routines (cblas_?dot, ?axpy, ?nrm2, ?asum, i?amax) through
ctypes in the OpenBLAS library bundled with numpy (scipy_openblas64, 64-bit integers) — not
numpy expressions (`y += a*x` is two passes plus a temporary, not BLAS axpy). Each timed call
pays ctypes' ~0.3-0.6 us overhead, which only matters at small n.

Usage: OPENBLAS_NUM_THREADS=1 python3 openblas_peer.py '{"sizes": [1000, ...], "budget": 0.15}'
   or: python3 openblas_peer.py --serve 0.15   (reads "kernel dtype n threads" lines, answers
       one JSON number of seconds per line, so a driver can interleave peers cell by cell)
"""
import ctypes
import glob
import json
import os
import sys
import time

import numpy as np


def load_openblas():
    libs = os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs")
    cands = glob.glob(os.path.join(libs, "libscipy_openblas64_*.so")) + glob.glob(
        os.path.join(libs, "libopenblas*.so*"))
    if not cands:
        raise RuntimeError("no OpenBLAS library bundled with numpy")
    return ctypes.CDLL(cands[0]), os.path.basename(cands[0])


def fn(lib, name, restype, argtypes):
    for sym in (f"scipy_cblas_{name}64_", f"cblas_{name}64_", f"cblas_{name}"):
        if hasattr(lib, sym):
            f = getattr(lib, sym)
            f.restype = restype
            f.argtypes = argtypes
            return f
    raise RuntimeError(f"OpenBLAS has no {name}")


def best_seconds(call, budget):
    call()
    reps = 1
    while True:
        t = time.perf_counter()
        for _ in range(reps):
            call()
        if time.perf_counter() - t > budget / 20 or reps >= 1 << 20:
            break
        reps *= 2
    times = []
    start = time.perf_counter()
    while len(times) < 5 or (time.perf_counter() - start < budget and len(times) < 200):
        t = time.perf_counter()
        for _ in range(reps):
            call()
        times.append((time.perf_counter() - t) / reps)
    return min(times)  # the best batch, as STREAM reports: the least disturbed on a shared machine


def kernels(lib, dt):
    I, P = ctypes.c_int64, ctypes.c_void_p
    p, scal = ("d", ctypes.c_double) if dt == np.float64 else ("s", ctypes.c_float)
    return {
        "dot": fn(lib, f"{p}dot", scal, [I, P, I, P, I]),
        "axpy": fn(lib, f"{p}axpy", None, [I, scal, P, I, P, I]),
        "nrm2": fn(lib, f"{p}nrm2", scal, [I, P, I]),
        "asum": fn(lib, f"{p}asum", scal, [I, P, I]),
        "iamax": fn(lib, f"i{p}amax", ctypes.c_size_t, [I, P, I]),
    }


def cell_call(k, f, n, px, py):
    if k == "dot":
        return lambda: f(n, px, 1, py, 1)
    if k == "axpy":
        flip = [1.0]

        def ax():
            flip[0] = -flip[0]
            f(n, flip[0], px, 1, py, 1)

        return ax
    return lambda: f(n, px, 1)


def serve(budget):
    lib, libname = load_openblas()
    set_threads = None
    for sym in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads"):
        if hasattr(lib, sym):
            set_threads = getattr(lib, sym)
            set_threads.argtypes = [ctypes.c_int]
            break
    rng = np.random.default_rng(1)
    arrays, fns = {}, {}
    version = ""
    try:
        version = np.show_config(mode="dicts")["Build Dependencies"]["blas"].get("version", "")
    except Exception:  # noqa: BLE001 - older numpy
        pass
    print(json.dumps({"library": libname, "numpy": np.__version__, "openblas": version}), flush=True)
    for line in sys.stdin:
        kernel, dtname, n, threads = line.split()
        n, threads = int(n), int(threads)
        dt = np.float64 if dtname == "f64" else np.float32
        if set_threads:
            set_threads(threads)
        if (dtname, n) not in arrays:
            arrays.clear()
            arrays[(dtname, n)] = (rng.uniform(-1, 1, n).astype(dt), rng.uniform(-1, 1, n).astype(dt))
        if dtname not in fns:
            fns[dtname] = kernels(lib, dt)
        x, y = arrays[(dtname, n)]
        call = cell_call(kernel, fns[dtname][kernel], n, x.ctypes.data, y.ctypes.data)
        print(json.dumps(best_seconds(call, budget)), flush=True)


def main():
    if sys.argv[1] == "--serve":
        return serve(float(sys.argv[2]))
    cfg = json.loads(sys.argv[1])
    lib, libname = load_openblas()
    out = {"numpy": np.__version__, "library": libname, "openblas": "", "seconds": {}}
    try:
        out["openblas"] = np.show_config(mode="dicts")["Build Dependencies"]["blas"].get("version", "")
    except Exception:  # noqa: BLE001 - older numpy
        pass
    rng = np.random.default_rng(1)
    for dt, name in ((np.float64, "f64"), (np.float32, "f32")):
        fns = kernels(lib, dt)
        for n in cfg["sizes"]:
            x = rng.uniform(-1, 1, n).astype(dt)
            y = rng.uniform(-1, 1, n).astype(dt)
            for k, f in fns.items():
                call = cell_call(k, f, n, x.ctypes.data, y.ctypes.data)
                out["seconds"][f"{k}:{name}:{n}"] = best_seconds(call, cfg["budget"])
    print(json.dumps(out))


main()
