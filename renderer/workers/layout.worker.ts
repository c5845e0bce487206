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
let scheduled = false

/**
 * Turns of the loop are posted to this worker itself: messages (pins, stops) are read between
 * two turns, and unlike a chain of zero-delay timers, the turns are not held back 4 ms each.
 */
const turns = new MessageChannel()
turns.port1.onmessage = loop

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
  scheduled = false
  if (!layout) return
  const began = performance.now()
  // Step for about a frame per turn: the page gets at most one set of positions a frame to show,
  // and pins and stops are heard quickly.
  do layout.step(ticksPerPost)
  while (!layout.settled && performance.now() - began < 14)
  post()
  wake()
}

function wake(): void {
  if (scheduled || !layout || layout.settled) return
  scheduled = true
  turns.port2.postMessage(null)
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data
  switch (request.type) {
    case 'start':
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
      layout = null
      return
  }
}
