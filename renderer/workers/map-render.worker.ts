/**
 * The drawing worker: draws big maps in full (drawMap, the same function the page uses for small
 * ones) on an OffscreenCanvas, off the page's thread, and answers with the picture as a
 * transferred ImageBitmap. A full drawing of thousands of entries takes far longer than a frame;
 * here it no longer holds up panning, which only moves the last picture on the page.
 *
 * Only the newest drawing asked for matters: requests that arrive while one is being drawn
 * replace each other, and the newest is drawn once the worker is free.
 */
import { drawMap } from '../views/Map/draw-map'
import type { DrawGraph, MapGroup } from '../views/Map/draw-map'
import { unpackGraph } from '../views/Map/map-render-protocol'
import type { MapRenderReply, MapRenderRequest } from '../views/Map/map-render-protocol'

type DrawRequest = Extract<MapRenderRequest, { type: 'draw' }>

let scene: { scene: number; graph: DrawGraph; groups: readonly MapGroup[] } | null = null
let next: DrawRequest | null = null
let scheduled = false
let canvas: OffscreenCanvas | null = null
let context: OffscreenCanvasRenderingContext2D | null = null

function reply(message: MapRenderReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer })
}

function contextFor(width: number, height: number): OffscreenCanvasRenderingContext2D | null {
  if (!canvas) {
    if (typeof OffscreenCanvas === 'undefined') return null
    canvas = new OffscreenCanvas(width, height)
    context = canvas.getContext('2d')
  }
  // Resizing clears the canvas and its state; the drawing paints every pixel anyway.
  if (canvas.width !== width) canvas.width = width
  if (canvas.height !== height) canvas.height = height
  return context
}

function drawNewest(): void {
  scheduled = false
  const request = next
  next = null
  if (!request) return
  if (!scene || request.scene !== scene.scene) {
    reply({ type: 'skipped', version: request.version, scene: request.scene })
    return
  }
  const began = performance.now()
  const { state } = request
  const width = Math.max(1, Math.round(state.width * state.ratio))
  const height = Math.max(1, Math.round(state.height * state.ratio))
  const ctx = contextFor(width, height)
  if (!canvas || !ctx) {
    reply({ type: 'unavailable', reason: 'OffscreenCanvas 2D is not available in this worker' })
    return
  }
  if (request.positions.length !== scene.graph.nodes.length * 2) {
    reply({ type: 'skipped', version: request.version, scene: request.scene })
    return
  }
  ctx.setTransform(state.ratio, 0, 0, state.ratio, 0, 0)
  drawMap(ctx, scene.graph, request.positions, {
    camera: state.camera,
    width: state.width,
    height: state.height,
    theme: state.theme,
    hovered: state.hovered,
    selected: state.selected,
    focused: state.focused,
    highlight: state.highlight ? new Set(state.highlight) : null,
    pendingTie: null,
    editing: state.editing,
    groups: scene.groups,
    // The page draws the rings and the pending tie over the picture, at once.
    overlay: false,
  })
  const bitmap = canvas.transferToImageBitmap()
  reply(
    {
      type: 'drawn',
      version: request.version,
      scene: request.scene,
      bitmap,
      camera: state.camera,
      ratio: state.ratio,
      drawMs: performance.now() - began,
    },
    [bitmap],
  )
}

self.onmessage = (event: MessageEvent<MapRenderRequest>) => {
  const request = event.data
  switch (request.type) {
    case 'scene':
      scene = { scene: request.scene, graph: unpackGraph(request.graph), groups: request.groups }
      return
    case 'draw':
      if (next) reply({ type: 'skipped', version: next.version, scene: next.scene })
      next = request
      // Drawn on a later turn, so requests already waiting are read first and only the newest
      // is drawn.
      if (!scheduled) {
        scheduled = true
        setTimeout(drawNewest, 0)
      }
      return
    case 'release':
      scene = null
      next = null
      return
  }
}
