/** Formatting of the benchmark's figures and its final table. */

export type Log = (line: string) => void;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const millis = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
export const perSecond = (n: number) => `${Math.round(n).toLocaleString('en')} req/s`;
export const ratio = (x: number) => `${x.toFixed(2)}×`;

/** Latency and throughput of one closed-loop run. */
export interface LoadResult {
  label: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  rps: number;
}

/** Nearest-rank percentile of a sorted array of numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function describeLoad(r: LoadResult): string {
  return `${r.label}: ${perSecond(r.rps)}, p50 ${millis(r.p50)}, p99 ${millis(r.p99)} ` +
    `(${r.requests.toLocaleString('en')} requests in ${r.durationSeconds} s, ${r.connections} connections, ${r.errors} errors)`;
}

export interface Figure {
  figure: string;
  target: string;
  measured: string;
  /** null: no target, or not measured. */
  pass: boolean | null;
}

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.figure, f.target, f.measured, f.pass === null ? '—' : f.pass ? 'pass' : 'MISS']);
  const head = ['figure', 'target', 'measured', 'pass/miss'];
  // East Asian characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
