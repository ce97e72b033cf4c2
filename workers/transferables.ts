/**
 * The ArrayBuffers inside a compute outcome, so the worker can move them to the page instead of
 * copying them (a K = 256 regression result holds ~0.6 MB of loss histories).
 */

/** Every distinct (non-shared) ArrayBuffer under `value`. `transferablesOf({ a: new Float64Array(2) }).length === 1` */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (item: unknown): void => {
    if (ArrayBuffer.isView(item)) {
      // Transferring one buffer twice is a DataCloneError, hence the set; shared memory cannot move.
      if (item.buffer instanceof ArrayBuffer) buffers.add(item.buffer);
    } else if (Array.isArray(item)) {
      item.forEach(visit);
    } else if (typeof item === 'object' && item !== null) {
      Object.values(item).forEach(visit);
    }
  };
  visit(value);
  return [...buffers];
}
