/**
 * Moving from one map view to the next: the camera follows d3's smooth zoom path
 * (`interpolateZoom`, van Wijk and Nuij), and every entry slides from where it was to where the
 * next view puts it. Pure: the presentation asks for the frame at a time and draws it.
 */
import { interpolateNumberArray, interpolateZoom } from 'd3-interpolate'
import type { SlideCamera } from './slide-view'

/** A screen camera: a map point p is drawn at p * k + (x, y), in CSS pixels. */
export interface ScreenCamera {
  x: number
  y: number
  k: number
}

/**
 * Stored cameras are measured from the frame's centre; this places one in a frame. When the view
 * was taken in a frame of another size (`taken`), it is scaled so the new frame shows as much.
 */
export function screenCamera(
  camera: SlideCamera,
  width: number,
  height: number,
  taken?: { width: number; height: number },
): ScreenCamera {
  const f = taken ? Math.min(width / taken.width, height / taken.height) : 1
  const factor = Number.isFinite(f) && f > 0 ? f : 1
  return {
    x: camera.x * factor + width / 2,
    y: camera.y * factor + height / 2,
    k: camera.k * factor,
  }
}

export function storedCamera(camera: ScreenCamera, width: number, height: number): SlideCamera {
  return { x: camera.x - width / 2, y: camera.y - height / 2, k: camera.k }
}

/** A camera interpolator over t ∈ [0, 1], with the duration d3 recommends for the path (ms). */
export function interpolateCamera(
  from: ScreenCamera,
  to: ScreenCamera,
  width: number,
  height: number,
): { at(t: number): ScreenCamera; duration: number } {
  const size = Math.max(1, Math.min(width, height))
  // d3's view: the map point at the frame's centre and the width of map shown.
  const view = (camera: ScreenCamera): [number, number, number] => [
    (width / 2 - camera.x) / camera.k,
    (height / 2 - camera.y) / camera.k,
    size / camera.k,
  ]
  const zoom = interpolateZoom(view(from), view(to))
  return {
    duration: zoom.duration,
    at(t) {
      const [cx, cy, w] = zoom(t)
      const k = size / w
      return { x: width / 2 - cx * k, y: height / 2 - cy * k, k }
    },
  }
}

/** How much smaller the map is drawn when a map slide starts coming in (see `entranceCamera`). */
export const ENTRANCE_ZOOM = 0.8

/**
 * The camera a map slide comes in from when nothing map-like was on screen before it (a text or
 * chart slide, or the start): the same centre, drawn `zoom` times smaller, so the map grows into
 * its view while it fades in instead of cutting in.
 */
export function entranceCamera(
  target: ScreenCamera,
  width: number,
  height: number,
  zoom = ENTRANCE_ZOOM,
): ScreenCamera {
  const centreX = (width / 2 - target.x) / target.k
  const centreY = (height / 2 - target.y) / target.k
  const k = target.k * zoom
  return { x: width / 2 - centreX * k, y: height / 2 - centreY * k, k }
}

/** Eases in and out (cubic): slow start, slow end, so the eye can follow. */
export function easeInOut(t: number): number {
  const clamped = Math.max(0, Math.min(1, t))
  return clamped < 0.5 ? 4 * clamped ** 3 : 1 - (-2 * clamped + 2) ** 3 / 2
}

/**
 * Positions from one view to the next, as flat [x0, y0, x1, y1…] arrays in the order of the
 * next view's entries. Entries new to the view grow out of their place (they start there).
 */
export function interpolatePositions(
  from: Float32Array,
  to: Float32Array,
): (t: number) => Float32Array {
  if (from.length !== to.length) return () => to
  const between = interpolateNumberArray(from, to)
  return (t) => (t >= 1 ? to : between(t))
}

/** Start positions for the next view: where each of its entries is now, or where it will be. */
export function startPositions(
  nextIds: readonly string[],
  nextPositions: Float32Array,
  current: ReadonlyMap<string, { x: number; y: number }>,
): Float32Array {
  const start = new Float32Array(nextPositions.length)
  nextIds.forEach((id, i) => {
    const at = current.get(id)
    start[i * 2] = at ? at.x : nextPositions[i * 2]!
    start[i * 2 + 1] = at ? at.y : nextPositions[i * 2 + 1]!
  })
  return start
}
