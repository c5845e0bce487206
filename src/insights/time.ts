/**
 * Time helpers shared by the insights kernels. Series are cut into rolling windows that end at
 * `now` (the last 7 days, the 7 before…), not calendar weeks or months: a window is never
 * partial, so the newest one can be compared with older ones, and no time zone is needed (the
 * core has none; the UI labels a window from its start).
 */

export const DAY_MS = 24 * 60 * 60 * 1000
export const WEEK_MS = 7 * DAY_MS
/** A twelfth of an average Gregorian year: 30.44 days. */
export const MONTH_MS = (365.2425 / 12) * DAY_MS

/**
 * Index of the window holding `at`, oldest first, among `count` windows of `size` ms ending at
 * `now`; −1 when `at` is older than the first window or later than `now`.
 */
export function windowIndex(at: number, now: number, size: number, count: number): number {
  if (at > now) return -1
  // The newest window is (now − size, now], the one before (now − 2·size, now − size]…
  const back = Math.floor((now - at) / size)
  return back >= count ? -1 : count - 1 - back
}

/** The start (exclusive bound) of each of `count` windows of `size` ms ending at `now`, oldest first. */
export function windowStarts(now: number, size: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => now - (count - index) * size)
}

/** Median of a non-empty list of numbers (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Ascending order of ids, independent of locale, so results never depend on input order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
