/** Frame intervals and long tasks, read in the page while a benchmark drives it. */
import type { Page } from '@playwright/test'

/** Records rAF deltas in the page while `gesture` runs; returns them (ms). */
export async function frameTimes(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const deltas: number[] = []
    let last = performance.now()
    const state = { deltas, running: true }
    ;(window as unknown as { __frames: typeof state }).__frames = state
    const loop = (now: number) => {
      deltas.push(now - last)
      last = now
      if (state.running) requestAnimationFrame(loop)
    }
    requestAnimationFrame(loop)
  })
  await gesture()
  return page.evaluate(() => {
    const state = (window as unknown as { __frames: { deltas: number[]; running: boolean } })
      .__frames
    state.running = false
    return state.deltas.slice(2)
  })
}

/**
 * Starts collecting the page's long tasks (main-thread tasks over 50 ms); the returned function
 * stops and returns their durations (ms).
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const durations: number[] = []
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration)
    })
    observer.observe({ type: 'longtask', buffered: false })
    ;(window as unknown as { __longTasks: unknown }).__longTasks = { durations, observer }
  })
  return () =>
    page.evaluate(() => {
      const state = (
        window as unknown as { __longTasks: { durations: number[]; observer: PerformanceObserver } }
      ).__longTasks
      state.observer.disconnect()
      return state.durations
    })
}
