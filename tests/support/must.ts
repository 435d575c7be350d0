/**
 * `value`, narrowed to non-null, where a test (or the e2e suite, or a bench) cannot go on without
 * it; throws "expected <what>" when it is null or undefined, so the run fails with a clear message
 * instead of a TypeError further on. Only null and undefined count as missing, as with `!`.
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}
