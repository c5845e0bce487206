/**
 * The layout worker: runs a map's force layout (d3-force) off the page's thread and streams
 * positions back every few steps as a transferred Float32Array, until the layout settles or is
 * stopped. Pinned nodes stay put.
 */
import { ForceLayout } from '../../src/graph/force-layout'
import type { LayoutReply, LayoutRequest } from '../views/Map/layout-protocol'

let layout: ForceLayout | null = null
let run = 0
let ticksPerPost = 3
let startedAt = 0
let timer: ReturnType<typeof setTimeout> | null = null

function post(): void {
  if (!layout) return
  const positions = layout.positions()
  const reply: LayoutReply = {
    type: 'positions',
    run,
    positions,
    alpha: layout.alpha,
    settled: layout.settled,
    elapsed: performance.now() - startedAt,
  }
  self.postMessage(reply, { transfer: [positions.buffer] })
}

function loop(): void {
  timer = null
  if (!layout) return
  const began = performance.now()
  // Step for at most ~12 ms per turn, so pins and stops are heard quickly.
  do layout.step(ticksPerPost)
  while (!layout.settled && performance.now() - began < 12 && layout.nodes.length < 400)
  post()
  if (!layout.settled) timer = setTimeout(loop, 0)
}

function wake(): void {
  if (timer === null && layout && !layout.settled) timer = setTimeout(loop, 0)
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data
  switch (request.type) {
    case 'start':
      if (timer !== null) clearTimeout(timer)
      timer = null
      run = request.run
      ticksPerPost = request.ticksPerPost ?? (request.radii.length > 2000 ? 1 : 3)
      startedAt = performance.now()
      layout = new ForceLayout({
        radii: request.radii,
        links: request.links,
        weights: request.weights,
        initial: request.initial,
        pinned: request.pinned,
        ...(request.groups ? { groups: request.groups } : {}),
      })
      post()
      wake()
      return
    case 'pin':
      layout?.pin(request.index, { x: request.x, y: request.y })
      layout?.reheat(0.1)
      wake()
      return
    case 'unpin':
      layout?.pin(request.index, null)
      layout?.reheat(0.1)
      wake()
      return
    case 'reheat':
      layout?.reheat(request.alpha)
      wake()
      return
    case 'stop':
      if (timer !== null) clearTimeout(timer)
      timer = null
      layout = null
      return
  }
}
