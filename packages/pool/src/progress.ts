/**
 * Progress of one call: counts items, reports `{ done, total, rate, eta }` to `onProgress`, and
 * draws a tqdm-like bar on stderr (only on a TTY unless forced).
 * @module
 */
import type { Progress, ProgressBarOption } from './types.js';

const BAR_MS = 100;
const WIDTH = 24;

function fmtTime(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return '?';
  const t = Math.round(s);
  const m = Math.floor(t / 60);
  return `${String(m).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** Formats one bar line, e.g. `label  45%|███████▏        | 45/100 [00:01<00:02, 35.2it/s]`. */
export function formatBar(p: Progress, elapsedS: number, label = ''): string {
  const head = label ? `${label}: ` : '';
  const rate = `${p.rate >= 100 ? Math.round(p.rate) : p.rate.toFixed(1)}it/s`;
  if (p.total === undefined) return `${head}${p.done}it [${fmtTime(elapsedS)}, ${rate}]`;
  const frac = p.total === 0 ? 1 : Math.min(1, p.done / p.total);
  const fill = Math.floor(frac * WIDTH);
  const bar = '█'.repeat(fill) + ' '.repeat(WIDTH - fill);
  return `${head}${String(Math.floor(frac * 100)).padStart(3)}%|${bar}| ${p.done}/${p.total} [${fmtTime(elapsedS)}<${fmtTime(p.eta)}, ${rate}]`;
}

/** Tracks items finished by one call. */
export class ProgressTracker {
  private done = 0;
  private readonly t0 = performance.now();
  private lastDraw = 0;
  private readonly stream: NodeJS.WritableStream | undefined;
  private readonly label: string;

  constructor(
    private readonly total: number | undefined,
    private readonly onProgress: ((p: Progress) => void) | undefined,
    bar: ProgressBarOption | undefined,
  ) {
    const o = typeof bar === 'object' && bar !== null ? bar : {};
    const stream = o.stream ?? process.stderr;
    const draw = bar === true || (typeof bar === 'object' && bar !== null);
    this.stream = draw && (o.force || (stream as NodeJS.WriteStream).isTTY) ? stream : undefined;
    this.label = o.label ?? '';
  }

  /** Whether anyone listens (so workers need to report items inside chunks). */
  get active(): boolean {
    return this.onProgress !== undefined || this.stream !== undefined;
  }

  /** Current progress. */
  snapshot(): Progress {
    const s = (performance.now() - this.t0) / 1000;
    const rate = s > 0 ? this.done / s : 0;
    const eta = this.total !== undefined && rate > 0 ? (this.total - this.done) / rate : undefined;
    return { done: this.done, total: this.total, rate, eta };
  }

  /** Adds `n` finished items. */
  add(n: number): void {
    if (n <= 0 || !this.active) return;
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
  end(): void {
    if (!this.stream) return;
    this.stream.write(`\r${formatBar(this.snapshot(), (performance.now() - this.t0) / 1000, this.label)}\n`);
  }
}
