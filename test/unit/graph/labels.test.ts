import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { labelsOverlap, placeLabels } from '../../../src/graph/labels'
import type { LabelRequest } from '../../../src/graph/labels'

const label = (id: string, x: number, y: number, priority = 1): LabelRequest => ({
  id,
  x,
  y,
  radius: 5,
  width: 40,
  height: 12,
  priority,
})

describe('placeLabels', () => {
  it('places a lone label to the right of its node', () => {
    expect(placeLabels([label('a', 100, 100)])).toEqual([
      { id: 'a', x: 108, y: 94, width: 40, height: 12 },
    ])
  })

  it('moves a label to another side when the right is taken, and gives up when none is free', () => {
    const placed = placeLabels([label('a', 100, 100, 2), label('b', 150, 100, 1)])
    expect(placed).toHaveLength(2)
    // a's label on the right would cover node b, so it goes to the left; b keeps the right.
    expect(placed.find((one) => one.id === 'a')!.x).toBe(100 - 5 - 3 - 40)
    expect(placed.find((one) => one.id === 'b')!.x).toBe(158)
    expect(labelsOverlap(placed[0]!, placed[1]!)).toBe(false)
    // Ten nodes on one spot: at most one label per side fits, highest priority first.
    const pile = placeLabels(
      Array.from({ length: 10 }, (_, i) => label(`n${String(i)}`, 50, 50, i)),
    )
    expect(pile.length).toBeLessThanOrEqual(4)
    expect(pile[0]?.id).toBe('n9')
  })

  it('keeps labels inside the viewport when asked', () => {
    expect(placeLabels([label('a', 2, 2)], { width: 30, height: 30 })).toEqual([])
  })

  it('never overlaps two labels nor covers a node', () => {
    const request = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 400 }),
        y: fc.integer({ min: 0, max: 300 }),
        width: fc.integer({ min: 5, max: 80 }),
        priority: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 60 },
    )
    fc.assert(
      fc.property(request, (items) => {
        const labels = items.map((item, index) => ({
          id: String(index),
          ...item,
          radius: 4,
          height: 12,
        }))
        const placed = placeLabels(labels)
        for (let i = 0; i < placed.length; i++) {
          for (let j = i + 1; j < placed.length; j++) {
            if (labelsOverlap(placed[i]!, placed[j]!)) return false
          }
          for (const node of labels) {
            const box = placed[i]!
            const inX = Math.abs(box.x + box.width / 2 - node.x) < box.width / 2 + node.radius
            const inY = Math.abs(box.y + box.height / 2 - node.y) < box.height / 2 + node.radius
            if (inX && inY) return false
          }
        }
        return true
      }),
    )
  })
})
