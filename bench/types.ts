/** One line of `pnpm bench`. */
export interface BenchRow {
  suite: string;
  name: string;
  /** The measured figure, in `unit`. */
  value: number;
  unit: string;
  /** For comparative rows: the baseline measured in the same run, and value / baseline. */
  baseline?: { name: string; value: number };
  ratio?: number;
  /** The target from the issue, as text (e.g. "≤ 20 KB"), and whether it is met. */
  target?: string;
  pass?: boolean;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}
