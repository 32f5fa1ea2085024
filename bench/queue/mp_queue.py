"""Python peer: multiprocessing.Queue throughput, P producers and C consumers (processes).
Usage: python3 mp_queue.py N P C kind  ->  prints JSON {msgs_per_s, seconds, cpu_us_per_msg}"""
import json, multiprocessing as mp, sys, time

def make(kind, i):
    return i if kind == 'int' else {'id': i, 'name': 'item', 'tags': [1, 2, 3]}

def producer(q, go, n, kind, stats):
    go.wait()
    c0 = time.process_time()
    for i in range(n):
        q.put(make(kind, i))
    q.close()
    q.join_thread()  # the feeder thread has flushed everything: its CPU is counted too
    stats.put(time.process_time() - c0)

def consumer(q, done, n, stats):
    c0 = time.process_time()
    for _ in range(n):
        q.get()
    stats.put(time.process_time() - c0)
    done.put(n)

if __name__ == '__main__':
    N, P, C, kind = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    ctx = mp.get_context('fork')
    q, done, go, stats = ctx.Queue(), ctx.Queue(), ctx.Event(), ctx.Queue()
    per_p, per_c = N // P, N // C
    ps = [ctx.Process(target=producer, args=(q, go, per_p, kind, stats)) for _ in range(P)]
    cs = [ctx.Process(target=consumer, args=(q, done, per_c, stats)) for _ in range(C)]
    for p in ps + cs: p.start()
    time.sleep(0.3)
    t = time.perf_counter()
    go.set()
    total = sum(done.get() for _ in range(C))
    dt = time.perf_counter() - t
    cpu = sum(stats.get() for _ in range(P + C))
    for p in ps + cs: p.join()
    print(json.dumps({'msgs': total, 'seconds': dt, 'msgs_per_s': total / dt, 'cpu_us_per_msg': cpu * 1e6 / total}))
