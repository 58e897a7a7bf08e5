// Order statistics for benchmark samples: nearest-rank percentiles, median and p95 over repeated runs.

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export interface Summary {
  median: number;
  p95: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: percentile(values, 50),
    p95: percentile(values, 95),
    // A loop, not Math.min(...values): a run can hold more samples than the call stack takes arguments.
    min: values.reduce((a, b) => Math.min(a, b), values.length ? Number.POSITIVE_INFINITY : Number.NaN),
    max: values.reduce((a, b) => Math.max(a, b), values.length ? Number.NEGATIVE_INFINITY : Number.NaN),
    n: values.length,
  };
}

/** Rounds for reports: 3 significant digits below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

/** For rates (throughput, fps, elements/s), where low is bad: median and the 5th percentile as "p95". */
export function summarizeRate(values: readonly number[]): Summary {
  return { ...summarize(values), p95: percentile(values, 5) };
}
