"""joblib 1.6 side of bench/joblib: the same workloads as run.mjs, printed as one JSON object."""
import json
import os
import shutil
import sys
import tempfile
import time

import numpy as np
from joblib import Memory, Parallel, delayed


def sq(x):
    return x * x


def spin(ms):
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass
    return ms


def small(i):
    return list(range(i, i + 100))


def big(i):
    return np.full(1_000_000, float(i))


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def timed(fn, reps):
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main():
    cfg = json.loads(sys.argv[1])
    jobs = cfg["jobs"]
    res = {}
    with Parallel(n_jobs=jobs) as parallel:
        # Cold: the first call starts the loky workers.
        t = time.perf_counter()
        parallel(delayed(sq)(i) for i in range(100))
        res["cold_ms"] = (time.perf_counter() - t) * 1000
        n = cfg["tiny_n"]
        res["tiny_ms"] = median(timed(lambda: parallel(delayed(sq)(i) for i in range(n)), cfg["reps"]))
        k, ms = cfg["cpu_tasks"], cfg["cpu_ms"]
        res["cpu_ms"] = median(timed(lambda: parallel(delayed(spin)(ms) for _ in range(k)), cfg["reps"]))
    loc = tempfile.mkdtemp(prefix="joblib-bench-")
    try:
        mem = Memory(loc, verbose=0)
        for name, fn in (("small", small), ("big", big)):
            cached = mem.cache(fn)
            m = cfg["mem_calls"]
            miss = timed_each(lambda i: cached(i), range(m))
            timed_each(lambda i: cached(i), range(m))  # first reads after writing: untimed (see run.mjs)
            hit = timed_each(lambda i: cached(i), range(m))
            res[f"mem_{name}_miss_ms"] = median(miss)
            res[f"mem_{name}_hit_ms"] = median(hit)
    finally:
        shutil.rmtree(loc, ignore_errors=True)
    print(json.dumps(res))


def timed_each(fn, items):
    out = []
    for i in items:
        t = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t) * 1000)
    return out


if __name__ == "__main__":
    main()
