/**
 * The stable key of a compute request: canonical JSON (object keys sorted, arrays in order;
 * typed arrays by a 64-bit fingerprint of their bytes, see fingerprintArray).
 * Two requests that ask for the same computation get the same key however they were built, so a
 * result is looked up, cached and deduplicated by key.
 */
import type { ComputeRequest } from '../core/runTypes';
import { fingerprintArray } from '../core/syntheticData';

const memo = new WeakMap<object, string>();

function canonical(value: unknown): string {
  // A typed array (a sweep's axes, a data table's 10⁵ rows) enters by its fingerprint: cheap, and
  // written unquoted so that no string in a request can spell the same key.
  if (ArrayBuffer.isView(value)) return fingerprintArray(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Canonical key of a request: `requestKey({b: 1, a: 2}) === requestKey({a: 2, b: 1})`. */
export function requestKey(request: ComputeRequest): string {
  let key = memo.get(request);
  if (key === undefined) {
    key = canonical(request);
    memo.set(request, key);
  }
  return key;
}
