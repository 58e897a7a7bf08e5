export interface MetricsCache<Input, Output> {
  /** The result for `version`, computing it from `load()` only if this version is not cached yet. */
  get(version: string, load: () => Promise<Input>): Promise<Output>;
}

/**
 * Keeps the result for one data version only: metrics are read far more often than the data
 * changes, and an older version is never asked for again once a newer one exists.
 */
export function createMetricsCache<Input, Output>(
  compute: (input: Input) => Output | Promise<Output>,
): MetricsCache<Input, Output> {
  let entry: { version: string; result: Promise<Output> } | undefined;

  return {
    get(version, load) {
      if (entry?.version === version) return entry.result;
      // Callers arriving while this runs get the same promise, so the work happens once.
      const result = Promise.resolve().then(load).then(compute);
      const current = { version, result };
      entry = current;
      result.catch(() => {
        // Forget a failure so the next request retries, unless a newer version already replaced it.
        if (entry === current) entry = undefined;
      });
      return result;
    },
  };
}
