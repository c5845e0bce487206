import { describe, expect, it } from 'vitest'
import {
  chartViewJson,
  mapViewJson,
  readChartSlideView,
  readMapSlideView,
} from '../../../src/decks/slide-view'
import { DEFAULT_FILTERS } from '../../../src/graph/shown-graph'

describe('slide views', () => {
  it('round-trips a map view', () => {
    const view = {
      mapId: 'm1',
      filters: { ...DEFAULT_FILTERS, kinds: ['customer' as const] },
      positions: { a: { x: 1.234, y: -2, pinned: true } },
      camera: { x: 10, y: -5, k: 1.5 },
      highlights: ['a'],
    }
    expect(readMapSlideView(mapViewJson(view))).toEqual({
      ...view,
      positions: { a: { x: 1.23, y: -2, pinned: true } },
    })
  })

  it('repairs a broken map view instead of throwing', () => {
    const view = readMapSlideView({
      filters: { kinds: ['dragon'], hideIsolated: true },
      positions: { a: { x: 'no', y: 1 }, b: { x: 1, y: 2 }, '': { x: 0, y: 0 } },
      camera: { x: 0, y: 0, k: -1 },
      highlights: ['b', 42, null],
    })
    expect(view.positions).toEqual({ b: { x: 1, y: 2, pinned: false } })
    expect(view.camera).toEqual({ x: 0, y: 0, k: 1 })
    expect(view.highlights).toEqual(['b'])
    expect(view.filters.hideIsolated).toBe(true)
    expect(view.filters.kinds).toEqual([])
    expect(readMapSlideView('nonsense').positions).toEqual({})
  })

  it('reads a chart view forgivingly', () => {
    expect(readChartSlideView({ chart: 'rfm', svg: '<svg/>', width: 'wide' })).toEqual({
      chart: 'rfm',
      svg: '<svg/>',
      width: 720,
      height: 380,
    })
    expect(
      readChartSlideView(chartViewJson({ chart: 'pareto', svg: '', width: 10, height: 20 })),
    ).toEqual({ chart: 'pareto', svg: '', width: 10, height: 20 })
  })
})
