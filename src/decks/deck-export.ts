/**
 * The slides of a deck as the standalone file shows them. Each map slide is drawn from its own
 * shown graph only (its filters over the notebook, at its saved positions), so nothing the slides
 * do not show reaches the file; charts carry the picture taken when they were added.
 */
import { buildShownGraph } from '../graph/shown-graph'
import type { GraphInputs, ShownGraph } from '../graph/shown-graph'
import type { Deck, Slide } from '../model/records'
import { readChartSlideView, readMapSlideView } from './slide-view'
import type { StandaloneSlide } from './standalone-html'

export type MapPainter = (
  graph: ShownGraph,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  slide: Slide,
) => { svg: string; width: number; height: number }

/** The graph a map slide shows: its filters over the notebook, limited to what it placed. */
export function slideGraph(slide: Slide, inputs: GraphInputs): ShownGraph {
  const view = readMapSlideView(slide.view)
  return buildShownGraph(inputs, view.filters)
}

export function standaloneSlides(
  deck: Deck,
  inputs: GraphInputs,
  paint: MapPainter,
  alt: (slide: Slide) => string,
): StandaloneSlide[] {
  return deck.slides.map((slide): StandaloneSlide => {
    const base = { kind: slide.kind, title: slide.title, caption: slide.caption }
    if (slide.kind === 'map') {
      const view = readMapSlideView(slide.view)
      const graph = slideGraph(slide, inputs)
      const positions = new Map(
        graph.nodes.map((node, i) => [node.id, view.positions[node.id] ?? spiral(i)]),
      )
      return { ...base, picture: { ...paint(graph, positions, slide), alt: alt(slide) } }
    }
    if (slide.kind === 'chart') {
      const view = readChartSlideView(slide.view)
      return view.svg
        ? {
            ...base,
            picture: { svg: view.svg, width: view.width, height: view.height, alt: alt(slide) },
          }
        : base
    }
    return base
  })
}

/** Where an entry without a saved position goes: a sunflower spiral around the centre. */
export function spiral(i: number, spacing = 28): { x: number; y: number } {
  const r = spacing * Math.sqrt(i + 0.5)
  const angle = i * 2.399963
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) }
}
