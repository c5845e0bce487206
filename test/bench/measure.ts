/**
 * Recording benchmark results. Each benchmark appends its measures to a JSON-lines file that
 * `npm run bench` turns into the printed table and a JSON file two runs can be compared with.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const RESULTS_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  'results',
  'current.jsonl',
)

export interface Measure {
  /** What was measured, in words. */
  measure: string
  unit: 'ms' | 'rows/s' | 'MB'
  samples: number[]
  /** The target, in the same unit; for `ms` lower is better. */
  target?: number
  /** What the result is compared with (raw IndexedDB writes, one 60 Hz frame…). */
  reference?: { name: string; value: number }
  /**
   * For a target of one display frame: the page's own frame interval with nothing moving, at
   * p95, measured in the same run. A 60 Hz display's frames, timed by the page, come 16.6 to
   * 16.8 ms apart at rest; frames in motion no further apart than that are at the display's
   * rate, and the target counts as met up to it.
   */
  display?: number
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function record(measure: Measure): void {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true })
  const p50 = percentile(measure.samples, 50)
  const p95 = percentile(measure.samples, 95)
  appendFileSync(RESULTS_FILE, `${JSON.stringify({ ...measure, p50, p95 })}\n`)
}
