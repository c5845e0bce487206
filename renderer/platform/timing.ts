/**
 * User Timing measures the benchmarks read (`performance.getEntriesByName`). The browser keeps
 * every entry for the life of the page, so a long session would pile them up: past `KEPT` of
 * one name, the older ones are dropped.
 */
const KEPT = 500
const counts = new Map<string, number>()

export function measureSince(name: string, start: number): void {
  const count = (counts.get(name) ?? 0) + 1
  if (count > KEPT) {
    performance.clearMeasures(name)
    counts.set(name, 1)
  } else counts.set(name, count)
  performance.measure(name, { start })
}
