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
