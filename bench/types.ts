/** One figure a benchmark measured, and the target it is held to. */
export interface BenchResult {
  /** What was measured, e.g. "messages list, first page (p95)". */
  name: string;
  value: number;
  /** e.g. "ms", "MiB", "req/s". */
  unit: string;
  target: number;
  /** Whether a lower or a higher value is better; decides whether the target is met. */
  better: 'lower' | 'higher';
}

/** What each `bench/*.bench.ts` exports. */
export interface BenchModule {
  run(): Promise<BenchResult[]>;
}

/** The machine a run measured on, as `bench/results.json` records it. */
export interface BenchMachine {
  /** e.g. "linux 6.1.0 x64". */
  os: string;
  cpuModel: string;
  cores: number;
  /** Total memory, GiB. */
  memoryGiB: number;
  /** e.g. "v20.20.2". */
  node: string;
  /** `chromium --version`, or "not found". */
  chromium: string;
}

/** One figure in `bench/results.json`: the result, the file it came from, and its ratio. */
export interface BenchRow extends BenchResult {
  file: string;
  /** value / target. */
  ratio: number;
  met: boolean;
}

/** What `npm run bench` writes to `bench/results.json`. */
export interface BenchReport {
  node: string;
  machine: BenchMachine;
  /** When the run started, ISO 8601 (UTC). */
  startedAt: string;
  /** Wall time of the whole run, ms. */
  durationMs: number;
  results: BenchRow[];
  /** `<file>: <error>` for every benchmark file that threw. */
  failures: string[];
}
