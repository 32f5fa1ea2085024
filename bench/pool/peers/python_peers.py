"""Python peers for bench/pool: multiprocessing.Pool and joblib.Parallel, 2 workers. Prints JSON."""
import json
import sys
import time
from multiprocessing import get_context

import numpy as np
from joblib import Parallel, delayed


def inc(x):
    return x + 1


def spin(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass
    return ms


def length(a):
    return len(a)


def main():
    n_tiny = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    out = {}
    ctx = get_context("fork")
    t0 = time.perf_counter()
    with ctx.Pool(2) as p:
        p.apply(inc, (1,))
        out["cold_ms"] = (time.perf_counter() - t0) * 1000
        for _ in range(2):
            t = time.perf_counter()
            rs = [p.apply_async(inc, (i,)) for i in range(n_tiny)]
            [r.get() for r in rs]
            out["tiny_us"] = min(out.get("tiny_us", 1e9), (time.perf_counter() - t) * 1e6 / n_tiny)
        xs = list(range(1_000_000))
        for _ in range(2):
            t = time.perf_counter()
            p.map(inc, xs)
            out["map1e6_ms"] = min(out.get("map1e6_ms", 1e9), (time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            [inc(x) for x in xs]
            out["map1e6_seq_ms"] = min(out.get("map1e6_seq_ms", 1e9), (time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            p.map(spin, [20] * 64, chunksize=1)
            par = time.perf_counter() - t
            out["cpu64_speedup"] = max(out.get("cpu64_speedup", 0), 64 * 0.020 / par)
        for name, arr in (("small", np.zeros(1)), ("big", np.zeros(1 << 20))):
            t = time.perf_counter()
            for _ in range(20):
                p.apply(length, (arr,))
            out[f"array_{name}_ms"] = (time.perf_counter() - t) * 1000 / 20
    with Parallel(n_jobs=2) as par:
        par(delayed(inc)(i) for i in range(100))
        t = time.perf_counter()
        par(delayed(inc)(i) for i in range(n_tiny))
        out["joblib_tiny_us"] = (time.perf_counter() - t) * 1e6 / n_tiny
        t = time.perf_counter()
        par(delayed(spin)(20) for _ in range(64))
        out["joblib_cpu64_speedup"] = 64 * 0.020 / (time.perf_counter() - t)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
