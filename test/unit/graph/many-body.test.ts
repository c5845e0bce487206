import { forceManyBody } from 'd3-force'
import { describe, expect, it } from 'vitest'
import { forceManyBodyArrays } from '../../../src/graph/many-body'

interface Body {
  index: number
  x: number
  y: number
  vx: number
  vy: number
}

/** Bodies scattered by a fixed rule, some in tight clusters and two on the same spot. */
function scatter(count: number): Body[] {
  let seed = 7
  const random = () => {
    seed = (seed * 16807) % 2147483647
    return seed / 2147483647
  }
  return Array.from({ length: count }, (_, index) => {
    const cluster = index % 5 === 0
    const x = index === 1 ? 0 : (random() - 0.5) * (cluster ? 20 : 2000)
    const y = index === 1 ? 0 : (random() - 0.5) * (cluster ? 20 : 2000)
    return { index, x: index === 0 ? 0 : x, y: index === 0 ? 0 : y, vx: 0, vy: 0 }
  })
}

/** Every pair, exactly: what both Barnes–Hut forces approximate. */
function exact(bodies: Body[], strength: number, alpha: number): Body[] {
  const out = bodies.map((body) => ({ ...body }))
  for (const a of out) {
    for (const b of bodies) {
      if (a.index === b.index) continue
      const dx = b.x - a.x
      const dy = b.y - a.y
      let l = dx * dx + dy * dy
      if (l === 0) continue
      if (l < 1) l = Math.sqrt(l)
      a.vx += (dx * strength * alpha) / l
      a.vy += (dy * strength * alpha) / l
    }
  }
  return out
}

/** Mean error of the velocities, relative to the mean exact velocity. */
function relativeError(got: Body[], want: Body[]): number {
  let error = 0
  let size = 0
  for (let i = 0; i < want.length; i++) {
    if (i <= 1) continue // the two bodies on one spot are pushed apart at random
    error += Math.hypot(got[i]!.vx - want[i]!.vx, got[i]!.vy - want[i]!.vy)
    size += Math.hypot(want[i]!.vx, want[i]!.vy)
  }
  return error / size
}

function apply(
  make: () => {
    (alpha: number): void
    initialize(nodes: Body[], random: () => number): void
  },
  bodies: Body[],
  alpha: number,
): Body[] {
  const copy = bodies.map((body) => ({ ...body }))
  const force = make()
  force.initialize(copy, () => 0.25)
  force(alpha)
  return copy
}

describe('forceManyBodyArrays', () => {
  const bodies = scatter(800)
  const want = exact(bodies, -40, 0.5)

  it('matches the exact push of every pair when no cell is taken as one body', () => {
    const got = apply(() => forceManyBodyArrays<Body>().strength(-40).theta(1e-6), bodies, 0.5)
    expect(relativeError(got, want)).toBeLessThan(1e-6)
  })

  it('approximates as closely as d3 does at the map’s criterion', () => {
    for (const theta of [0.9, 1.2]) {
      const ours = apply(() => forceManyBodyArrays<Body>().strength(-40).theta(theta), bodies, 0.5)
      const d3 = apply(() => forceManyBody<Body>().strength(-40).theta(theta), bodies, 0.5)
      const d3Error = relativeError(d3, want)
      expect(d3Error).toBeGreaterThan(0)
      expect(relativeError(ours, want)).toBeLessThan(d3Error * 1.5)
    }
  })

  it('pushes two bodies on the same spot apart, never to NaN', () => {
    const got = apply(() => forceManyBodyArrays<Body>().strength(-40).theta(1.2), bodies, 0.5)
    for (const body of got) {
      expect(Number.isFinite(body.vx)).toBe(true)
      expect(Number.isFinite(body.vy)).toBe(true)
    }
  })
})
