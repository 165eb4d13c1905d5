/** Comparing a secret someone sent (a webhook header, the admin bridge's token) with the expected one. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** True when `given` equals `expected`, in constant time (hashed first, so the length leaks nothing either); never for an empty secret. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined || expected === '') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
