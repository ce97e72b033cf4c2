/**
 * The stable key of a compute request: canonical JSON (object keys sorted, arrays in order;
 * typed arrays by a 64-bit fingerprint of their bytes, see fingerprintArray).
 * Two requests that ask for the same computation get the same key however they were built, so a
 * result is looked up, cached and deduplicated by key.
 */
import type { ComputeRequest } from '../core/runTypes';
import { fingerprintArray } from '../core/syntheticData';
import { LIMITS } from './limits';

const memo = new WeakMap<object, string>();

/**
 * Requests are a few levels deep; a deeper value (a malformed pin from a file) is cut at
 * LIMITS.requestDepth rather than recursed into, so building a key cannot overflow the stack.
 */
function canonical(value: unknown, depth: number): string {
  if (depth > LIMITS.requestDepth) return '"…"';
  // A typed array (a sweep's axes, a data table's 10⁵ rows) enters by its fingerprint: cheap, and
  // written unquoted so that no string in a request can spell the same key.
  if (ArrayBuffer.isView(value)) return fingerprintArray(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, depth + 1)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Canonical key of a request: `requestKey({b: 1, a: 2}) === requestKey({a: 2, b: 1})`. */
export function requestKey(request: ComputeRequest): string {
  let key = memo.get(request);
  if (key === undefined) {
    key = canonical(request, 0);
    memo.set(request, key);
  }
  return key;
}
