/** A fixed-size ring of recent samples (ms). */
export class Samples {
    buf;
    n = 0;
    constructor(size = 2048) {
        this.buf = new Float64Array(size);
    }
    /** Adds one sample. */
    add(v) {
        this.buf[this.n++ % this.buf.length] = v;
    }
    /** Percentiles of the samples held (zeros when empty). */
    percentiles() {
        const k = Math.min(this.n, this.buf.length);
        if (k === 0)
            return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
        const s = this.buf.slice(0, k).sort();
        const at = (q) => s[Math.min(k - 1, Math.floor(q * k))];
        let sum = 0;
        for (const v of s)
            sum += v;
        return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: s[k - 1], mean: sum / k };
    }
}
/** Mutable counters a scheduler updates. */
export class Counters {
    completed = 0;
    failed = 0;
    replaced = 0;
    busyMs = 0;
    createdAt = performance.now();
    firstTaskAt;
    run = new Samples();
    wait = new Samples();
}
//# sourceMappingURL=stats.js.map