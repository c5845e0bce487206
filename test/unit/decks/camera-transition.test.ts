import { describe, expect, it } from 'vitest'
import {
  easeInOut,
  entranceCamera,
  interpolateCamera,
  interpolatePositions,
  screenCamera,
  startPositions,
  storedCamera,
} from '../../../src/decks/camera-transition'

describe('camera transitions', () => {
  it('starts and ends exactly on the two cameras', () => {
    const from = screenCamera({ x: 0, y: 0, k: 1 }, 800, 600)
    const to = screenCamera({ x: -200, y: 100, k: 3 }, 800, 600)
    const path = interpolateCamera(from, to, 800, 600)
    for (const [t, camera] of [
      [0, from],
      [1, to],
    ] as const) {
      const at = path.at(t)
      expect(at.x).toBeCloseTo(camera.x, 6)
      expect(at.y).toBeCloseTo(camera.y, 6)
      expect(at.k).toBeCloseTo(camera.k, 6)
    }
    expect(path.duration).toBeGreaterThan(0)
    const middle = path.at(0.5)
    expect(middle.k).toBeGreaterThan(0)
    expect(storedCamera(to, 800, 600)).toEqual({ x: -200, y: 100, k: 3 })
  })

  it('scales a view taken in a smaller frame to show as much', () => {
    const camera = screenCamera({ x: 10, y: -20, k: 1 }, 1600, 900, { width: 800, height: 600 })
    expect(camera).toEqual({ x: 815, y: 420, k: 1.5 })
  })

  it('eases in and out', () => {
    expect(easeInOut(0)).toBe(0)
    expect(easeInOut(1)).toBe(1)
    expect(easeInOut(0.5)).toBeCloseTo(0.5)
    expect(easeInOut(0.1)).toBeLessThan(0.1)
  })

  it('moves entries from where they are to where the next view puts them', () => {
    const next = new Float32Array([10, 10, 20, 20])
    const start = startPositions(['a', 'new'], next, new Map([['a', { x: 0, y: 0 }]]))
    expect([...start]).toEqual([0, 0, 20, 20])
    const at = interpolatePositions(start, next)
    expect([...at(0.5)]).toEqual([5, 5, 20, 20])
    expect(at(1)).toBe(next)
  })

  it('enters a map slide from a wider camera on the same centre, then lands on its view', () => {
    const target = screenCamera({ x: -120, y: 60, k: 2 }, 800, 600)
    const start = entranceCamera(target, 800, 600, 0.8)
    expect(start.k).toBeCloseTo(1.6, 9)
    // The map point at the frame's centre stays there: the picture grows about the centre.
    const centre = (camera: typeof target) => [
      (400 - camera.x) / camera.k,
      (300 - camera.y) / camera.k,
    ]
    expect(centre(start)[0]).toBeCloseTo(centre(target)[0]!, 9)
    expect(centre(start)[1]).toBeCloseTo(centre(target)[1]!, 9)
    const path = interpolateCamera(start, target, 800, 600)
    const end = path.at(1)
    expect(end.k).toBeCloseTo(target.k, 6)
    expect(end.x).toBeCloseTo(target.x, 6)
    // It only grows: every frame between is between the two zooms.
    for (const t of [0.25, 0.5, 0.75]) {
      const k = path.at(t).k
      expect(k).toBeGreaterThanOrEqual(start.k - 1e-9)
      expect(k).toBeLessThanOrEqual(target.k + 1e-9)
    }
  })
})
