/** Frame intervals and long tasks, read in the page while a benchmark drives it. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
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

/**
 * A full garbage collection in the page's process (Chromium's DevTools protocol), run once a
 * benchmark has written its notebook through the page. At full size the records passed in left
 * 912 MB in the page's heap, 17 MB once collected; V8's ordinary collections kept most of it
 * (902 → 827 MB), and walking it made their marking steps tens of milliseconds long, inside the
 * tasks being measured: a model's answer while typing took 61 ms, 45 of them marking. A notebook
 * opened by its user has none of it: the app starts in a fresh process.
 */
export async function collectGarbage(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  // Twice: finalizers and weak references freed by the first run are collected by the second.
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.detach()
}

/**
 * Runs `work`; with `CARNET_BENCH_TRACE=<folder>`, records a Chrome trace of the page meanwhile
 * into `<folder>/<name>-<time>.json` (Perfetto or DevTools' Performance panel open it), to find
 * what a long task or a late frame was made of.
 */
export async function traced<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.CARNET_BENCH_TRACE
  const browser = page.context().browser()
  if (!folder || !browser) return work()
  mkdirSync(folder, { recursive: true })
  await browser.startTracing(page, {
    path: join(folder, `${name}-${String(Date.now())}.json`),
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      'v8.execute',
      'disabled-by-default-v8.gc',
      'blink.user_timing',
    ],
  })
  try {
    return await work()
  } finally {
    await browser.stopTracing()
  }
}
