const BAR_MS = 100;
const WIDTH = 24;
function fmtTime(s) {
    if (s === undefined || !Number.isFinite(s))
        return '?';
    const t = Math.round(s);
    const m = Math.floor(t / 60);
    return `${String(m).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}
/** Formats one bar line, e.g. `label  45%|███████▏        | 45/100 [00:01<00:02, 35.2it/s]`. */
export function formatBar(p, elapsedS, label = '') {
    const head = label ? `${label}: ` : '';
    const rate = `${p.rate >= 100 ? Math.round(p.rate) : p.rate.toFixed(1)}it/s`;
    if (p.total === undefined)
        return `${head}${p.done}it [${fmtTime(elapsedS)}, ${rate}]`;
    const frac = p.total === 0 ? 1 : Math.min(1, p.done / p.total);
    const fill = Math.floor(frac * WIDTH);
    const bar = '█'.repeat(fill) + ' '.repeat(WIDTH - fill);
    return `${head}${String(Math.floor(frac * 100)).padStart(3)}%|${bar}| ${p.done}/${p.total} [${fmtTime(elapsedS)}<${fmtTime(p.eta)}, ${rate}]`;
}
/** Tracks items finished by one call. */
export class ProgressTracker {
    total;
    onProgress;
    done = 0;
    t0 = performance.now();
    lastDraw = 0;
    stream;
    label;
    constructor(total, onProgress, bar) {
        this.total = total;
        this.onProgress = onProgress;
        const o = typeof bar === 'object' && bar !== null ? bar : {};
        const stream = o.stream ?? process.stderr;
        const draw = bar === true || (typeof bar === 'object' && bar !== null);
        this.stream = draw && (o.force || stream.isTTY) ? stream : undefined;
        this.label = o.label ?? '';
    }
    /** Whether anyone listens (so workers need to report items inside chunks). */
    get active() {
        return this.onProgress !== undefined || this.stream !== undefined;
    }
    /** Current progress. */
    snapshot() {
        const s = (performance.now() - this.t0) / 1000;
        const rate = s > 0 ? this.done / s : 0;
        const eta = this.total !== undefined && rate > 0 ? (this.total - this.done) / rate : undefined;
        return { done: this.done, total: this.total, rate, eta };
    }
    /** Adds `n` finished items. */
    add(n) {
        if (n <= 0 || !this.active)
            return;
        this.done += n;
        const p = this.snapshot();
        this.onProgress?.(p);
        if (this.stream) {
            const now = performance.now();
            if (now - this.lastDraw >= BAR_MS || (p.total !== undefined && p.done >= p.total)) {
                this.lastDraw = now;
                this.stream.write(`\r${formatBar(p, (now - this.t0) / 1000, this.label)}`);
            }
        }
    }
    /** Draws the final state and ends the bar's line. */
    end() {
        if (!this.stream)
            return;
        this.stream.write(`\r${formatBar(this.snapshot(), (performance.now() - this.t0) / 1000, this.label)}\n`);
    }
}
//# sourceMappingURL=progress.js.map