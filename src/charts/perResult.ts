/**
 * A cache of values derived from a run's result, one small map per result object. A live edit
 * rebuilds the whole option, but the runs it did not change arrive as the very same result
 * objects (chartsStore keeps them), so their series keep the very same data arrays, and
 * planOptionUpdate leaves those series out of the update ECharts has to process.
 */
const MAX_KEYS_PER_RESULT = 8;

export function perResult<R extends object, T>(): (result: R, key: string, compute: () => T) => T {
  const cache = new WeakMap<R, Map<string, T>>();
  return (result, key, compute) => {
    let values = cache.get(result);
    if (values === undefined) {
      values = new Map();
      cache.set(result, values);
    }
    const cached = values.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    // A zoomed or resized region is a new key: keep the map small rather than every region seen.
    if (values.size >= MAX_KEYS_PER_RESULT) values.clear();
    values.set(key, value);
    return value;
  };
}
