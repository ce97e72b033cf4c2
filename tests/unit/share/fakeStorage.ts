import type { TextStore } from '../../../src/share/textSlots';

/** An in-memory stand-in for window.localStorage with the browser's failure modes. */
export class FakeStorage implements TextStore {
  readonly items = new Map<string, string>();
  constructor(private readonly failure: 'none' | 'quota' | 'blocked' = 'none') {}
  getItem(key: string): string | null {
    if (this.failure === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failure === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.failure === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    if (this.failure === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
    this.items.delete(key);
  }
}
