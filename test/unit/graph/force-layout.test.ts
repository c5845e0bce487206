import { describe, expect, it } from 'vitest'
import { ForceLayout } from '../../../src/graph/force-layout'

function ring(count: number) {
  const links: number[] = []
  for (let i = 0; i < count; i++) links.push(i, (i + 1) % count)
  return { radii: new Array<number>(count).fill(8), links }
}

describe('ForceLayout', () => {
  it('settles with alpha decay and spreads nodes apart', () => {
    const layout = new ForceLayout(ring(30))
    let steps = 0
    while (!layout.settled && steps < 2000) {
      layout.step(10)
      steps += 10
    }
    expect(layout.settled).toBe(true)
    const positions = layout.positions()
    expect(positions).toHaveLength(60)
    let closest = Infinity
    for (let i = 0; i < 30; i++) {
      for (let j = i + 1; j < 30; j++) {
        closest = Math.min(
          closest,
          Math.hypot(
            positions[i * 2]! - positions[j * 2]!,
            positions[i * 2 + 1]! - positions[j * 2 + 1]!,
          ),
        )
      }
    }
    expect(closest).toBeGreaterThan(10)
  })

  it('keeps pinned nodes exactly where they are', () => {
    const input = ring(10)
    const initial = new Float32Array(20).fill(Number.NaN)
    initial[0] = 123
    initial[1] = -45
    const pinned = new Uint8Array(10)
    pinned[0] = 1
    const layout = new ForceLayout({ ...input, initial, pinned })
    layout.step(300)
    expect(layout.positions()[0]).toBeCloseTo(123)
    expect(layout.positions()[1]).toBeCloseTo(-45)
    layout.pin(3, { x: 10, y: 10 })
    layout.reheat()
    layout.step(50)
    expect([layout.positions()[6], layout.positions()[7]]).toEqual([10, 10])
    layout.pin(3, null)
    layout.reheat(1)
    layout.step(50)
    expect([layout.positions()[6], layout.positions()[7]]).not.toEqual([10, 10])
  })

  it('is deterministic for the same input', () => {
    const a = new ForceLayout(ring(12))
    const b = new ForceLayout(ring(12))
    a.step(100)
    b.step(100)
    expect(a.positions()).toEqual(b.positions())
  })
})
