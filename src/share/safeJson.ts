/**
 * JSON.parse for untrusted text, followed by a structural check made before any other code
 * (zod included) touches the value: no prototype-related keys anywhere, bounded depth, bounded
 * number of values. JSON.parse itself creates an own "__proto__" property without polluting
 * anything, but code that later copies such an object with `obj[key] = …` would.
 */
import { shareError, type ShareError } from './errors';

/** Keys refused anywhere in a payload. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonLimits {
  /** Deepest nesting accepted (a sheet needs about 7 levels). */
  readonly maxDepth: number;
  /** Most values (objects, arrays and leaves) accepted. */
  readonly maxValues: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxValues: 250_000 };

export type SafeJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ShareError };

/** Parse and check, e.g. `parseUntrustedJson('{"v":1}')` → `{ ok: true, value: { v: 1 } }`. */
export function parseUntrustedJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): SafeJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: shareError('badJson') };
  }
  const problem = findStructuralProblem(value, limits);
  return problem === null ? { ok: true, value } : { ok: false, error: problem };
}

/**
 * Iterative walk (an explicit stack, not recursion) so that a hostile nesting depth cannot
 * overflow the call stack before the depth limit is noticed.
 */
function findStructuralProblem(root: unknown, limits: JsonLimits): ShareError | null {
  const stack: Array<{ readonly value: unknown; readonly depth: number }> = [{ value: root, depth: 0 }];
  let seen = 1;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) return shareError('tooDeep');
    // Counted before pushing, so one huge array is refused without being copied to the stack.
    if (Array.isArray(value)) {
      seen += value.length;
      if (seen > limits.maxValues) return shareError('tooDeep');
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    seen += keys.length;
    if (seen > limits.maxValues) return shareError('tooDeep');
    for (const key of keys) {
      if (UNSAFE_KEYS.has(key)) return shareError('unsafeKey', { field: key });
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}
