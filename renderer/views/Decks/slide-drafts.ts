/** What "Add to deck" makes of a map view or a chart: a slide draft, ready for `addSlide`. */
import type { SlideDraft } from '../../../src/decks/deck-operations'
import { chartViewJson, mapViewJson } from '../../../src/decks/slide-view'
import type { ChartKind } from '../../../src/decks/slide-view'
import type { MapView } from '../../../src/notebook/maps'
import { serialiseSvg } from '../../charts/chart-export'

export function mapSlide(input: {
  view: MapView
  selected: string | null
  mapId: string | undefined
  title: string
  frame?: { width: number; height: number }
}): SlideDraft {
  return {
    kind: 'map',
    title: input.title,
    caption: '',
    speakerNotes: '',
    view: mapViewJson({
      ...(input.mapId ? { mapId: input.mapId } : {}),
      filters: input.view.filters,
      positions: input.view.positions,
      camera: input.view.camera,
      highlights: input.selected ? [input.selected] : [],
      ...(input.frame && input.frame.width > 0 && input.frame.height > 0
        ? { frame: { width: input.frame.width, height: input.frame.height } }
        : {}),
    }),
  }
}

const CHART_OF_CARD: Record<string, ChartKind> = {
  'value-map': 'value-map',
  'rfm-grid': 'rfm',
  pareto: 'pareto',
}

export function chartSlide(cardId: string, title: string, svg: SVGSVGElement): SlideDraft {
  const { text, width, height } = serialiseSvg(svg)
  return {
    kind: 'chart',
    title,
    caption: '',
    speakerNotes: '',
    view: chartViewJson({ chart: CHART_OF_CARD[cardId] ?? 'value-map', svg: text, width, height }),
  }
}
