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

  it('gathers the members of each group when groups are drawn', () => {
    // Two groups of 12 whose members are tied only to three shared hubs (24–26, in no group),
    // as customers are to the shop's products: the ties alone leave the groups mixed.
    const links: number[] = []
    for (let i = 0; i < 24; i++) links.push(i, 24 + (i % 3))
    const input = { radii: new Array<number>(27).fill(8), links }
    const groups = Array.from({ length: 27 }, (_, i) => (i < 24 ? i % 2 : -1))
    const spread = (positions: Float32Array) => {
      const mean = (group: number, axis: number) => {
        let sum = 0
        for (let i = group; i < 24; i += 2) sum += positions[i * 2 + axis]!
        return sum / 12
      }
      const within = (group: number) => {
        let sum = 0
        for (let i = group; i < 24; i += 2)
          sum += Math.hypot(
            positions[i * 2]! - mean(group, 0),
            positions[i * 2 + 1]! - mean(group, 1),
          )
        return sum / 12
      }
      const between = Math.hypot(mean(0, 0) - mean(1, 0), mean(0, 1) - mean(1, 1))
      return between / ((within(0) + within(1)) / 2)
    }
    const settle = (layout: ForceLayout) => {
      for (let steps = 0; !layout.settled && steps < 3000; steps += 10) layout.step(10)
      return layout.positions()
    }
    const mixed = spread(settle(new ForceLayout(input)))
    const gathered = spread(settle(new ForceLayout({ ...input, groups })))
    expect(gathered).toBeGreaterThan(mixed * 3)
    expect(gathered).toBeGreaterThan(1)
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
