"""numpy/OpenBLAS peer for bench/kernels-gemm: prints one JSON object of GFLOP/s.

Usage: OPENBLAS_NUM_THREADS=1 python3 openblas_peer.py '{"gemm": [64, ...], "gemv": [...], "budget": 0.25}'
Matrices are row-major (C order) uniform [-1, 1), like the Node side; gemm writes into a
preallocated c (np.matmul(..., out=c)) so no allocation is timed, gemv likewise.
"""
import json
import math
import sys
import time

import numpy as np


def best_of(fn, flops, budget, max_reps):
    fn()  # warm up (thread start, page faults)
    # Small calls are timed in batches of >= 0.1 ms so the timer's own cost does not count.
    t = time.perf_counter()
    fn()
    inner = min(10000, max(1, math.ceil(1e-4 / max(time.perf_counter() - t, 1e-7))))
    times = []
    start = time.perf_counter()
    while len(times) < max_reps and (len(times) < 3 or time.perf_counter() - start < budget):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t) / inner)
    return flops / min(times) / 1e9  # fastest rep, as on the Node side


def main():
    cfg = json.loads(sys.argv[1])
    rng = np.random.default_rng(1)
    out = {"numpy": np.__version__, "openblas": "", "gemm": {}, "gemv": {}}
    try:
        cfgs = np.show_config(mode="dicts")
        out["openblas"] = cfgs["Build Dependencies"]["blas"].get("version", "")
    except Exception:  # noqa: BLE001 - older numpy
        pass
    for dt, name in ((np.float64, "f64"), (np.float32, "f32")):
        for n in cfg["gemm"]:
            a = rng.uniform(-1, 1, (n, n)).astype(dt)
            b = rng.uniform(-1, 1, (n, n)).astype(dt)
            c = np.empty((n, n), dt)
            reps = 3 if n >= 2048 else 50
            out["gemm"][f"{name}:{n}"] = best_of(lambda: np.matmul(a, b, out=c), 2.0 * n**3, cfg["budget"], reps)
        for n in cfg["gemv"]:
            a = rng.uniform(-1, 1, (n, n)).astype(dt)
            x = rng.uniform(-1, 1, n).astype(dt)
            y = np.empty(n, dt)
            out["gemv"][f"{name}:{n}"] = best_of(lambda: np.matmul(a, x, out=y), 2.0 * n * n, cfg["budget"], 200)
    print(json.dumps(out))


main()
