/**
 * A whole number with thousands separators, as English writes it: `100,000`. Written out
 * rather than `n.toLocaleString('en')`, which builds a new ICU number format on every call
 * (a few milliseconds each in Chromium; the message list calls it on every render).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
