/**
 * One slide as the room sees it: a map (live from the notebook, at the slide's view), a chart
 * (the picture taken when it was added) or a title, with its caption. Used by the presentation,
 * the presenter view and the deck editor's preview.
 */
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { readChartSlideView, readMapSlideView } from '../../../src/decks/slide-view'
import { buildShownGraph } from '../../../src/graph/shown-graph'
import type { MapFilters } from '../../../src/graph/shown-graph'
import type { Slide } from '../../../src/model/records'
import { Markdown } from '../../components/Markdown'
import type { MapData } from '../../hooks/useMapData'
import { DARK, LIGHT } from '../Map/map-style'
import type { Theme } from '../Map/map-style'
import { SlideMap } from './SlideMap'
import type { FrameMemory } from './SlideMap'

/** For projectors: pure black and white, a vivid focus colour. */
export const CONTRAST: Theme = {
  background: '#000000',
  text: '#ffffff',
  halo: '#000000',
  muted: '#d0d0d0',
  focus: '#ffd400',
}

export type Look = 'light' | 'dark' | 'contrast'

export function themeOf(look: Look): Theme {
  return look === 'contrast' ? CONTRAST : look === 'dark' ? DARK : LIGHT
}

export function SlideBody({
  slide,
  data,
  look,
  scale,
  interactive = false,
  selected = null,
  memory,
  onSelect,
  onMove,
  showCaption = true,
  entrance = false,
}: {
  slide: Slide
  data: MapData | undefined
  look: Look
  scale: number
  interactive?: boolean
  selected?: string | null
  memory?: FrameMemory
  onSelect?: (id: string | null) => void
  onMove?: (id: string, point: { x: number; y: number }) => void
  showCaption?: boolean
  /** A map slide fades and grows in when it follows a text or chart slide (the presentation). */
  entrance?: boolean
}) {
  const { t } = useTranslation()
  const title = slide.title.trim()
  return (
    <article className={`slide-body slide-body-${slide.kind}`} data-slide-kind={slide.kind}>
      {title && slide.kind !== 'text' && <h2 className="slide-title">{title}</h2>}
      {slide.kind === 'text' && <h2 className="slide-title slide-title-large">{title || '—'}</h2>}
      {slide.kind === 'map' && (
        <MapSlide
          slide={slide}
          data={data}
          look={look}
          scale={scale}
          interactive={interactive}
          selected={selected}
          memory={memory}
          onSelect={onSelect}
          onMove={onMove}
          entrance={entrance}
        />
      )}
      {slide.kind === 'chart' && <ChartSlide slide={slide} />}
      {showCaption && slide.caption.trim() && (
        <Markdown className="slide-caption" text={slide.caption} />
      )}
      {slide.kind === 'text' && !slide.caption.trim() && !title && (
        <p className="muted">{t('deck.untitled')}</p>
      )}
    </article>
  )
}

function MapSlide({
  slide,
  data,
  look,
  scale,
  interactive,
  selected,
  memory,
  onSelect,
  onMove,
  entrance,
}: {
  slide: Slide
  data: MapData | undefined
  look: Look
  scale: number
  interactive: boolean
  selected: string | null
  memory?: FrameMemory
  onSelect?: (id: string | null) => void
  onMove?: (id: string, point: { x: number; y: number }) => void
  entrance: boolean
}) {
  const { t } = useTranslation()
  const view = useMemo(() => readMapSlideView(slide.view), [slide.view])
  // Slides of one map usually share their filters: the same graph then serves the next slide,
  // and a move between them does not build it, index it and list its entries again.
  const filterKey = JSON.stringify(view.filters)
  const filters = useMemo(() => JSON.parse(filterKey) as MapFilters, [filterKey])
  const graph = useMemo(
    () =>
      data
        ? buildShownGraph(
            { entities: data.entities, ties: data.ties, values: data.values },
            filters,
          )
        : { nodes: [], edges: [] },
    [data, filters],
  )
  return (
    <SlideMap
      graph={graph}
      view={view}
      slideKey={slide.id}
      theme={themeOf(look)}
      scale={scale}
      interactive={interactive}
      selected={selected}
      memory={memory}
      onSelect={onSelect}
      onMove={onMove}
      entrance={entrance}
      label={t('present.mapLabel', { nodes: graph.nodes.length, ties: graph.edges.length })}
    />
  )
}

function ChartSlide({ slide }: { slide: Slide }) {
  const { t } = useTranslation()
  const view = useMemo(() => readChartSlideView(slide.view), [slide.view])
  const url = useMemo(
    () => (view.svg ? URL.createObjectURL(new Blob([view.svg], { type: 'image/svg+xml' })) : null),
    [view.svg],
  )
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url)
    },
    [url],
  )
  if (!url) return <div className="slide-chart" />
  return (
    <div className="slide-chart">
      <img src={url} alt={slide.title || t(`deck.chartName.${view.chart}`)} />
    </div>
  )
}
