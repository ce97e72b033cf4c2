/**
 * A short, stable fingerprint of a text, computed synchronously (a page that is being unloaded
 * cannot wait for crypto.subtle). Used to recognise a sheet again, never to protect anything: a
 * collision only means that two sheets are taken for one.
 */

/**
 * Two 32-bit FNV-1a hashes with different offsets over the UTF-16 code units, as 16 hex digits.
 * `textHash('')` → "811c9dc5050c5d1f"; equal texts give equal hashes in every tab and session.
 */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
