/**
 * A map slide on a canvas, for the presentation and the deck editor's preview. Between views it
 * animates: the camera follows d3's smooth zoom path and every entry slides to its new place (no
 * jump), one drawing per display frame. Coming after a text or chart slide, it fades in while the
 * camera grows into the view (`entrance`). When the system asks for reduced motion, views
 * change without moving: no entrance, no travel. In a
 * presentation the facilitator can drag an entry (saved to the slide on release) and choose one
 * to tie; everything else is read-only.
 *
 * Type is drawn larger than on the map screen (`scale`): the whole picture is drawn at a zoom and
 * the camera divided by it, so names, shapes and lines grow together and stay readable on a wall.
 *
 * A big map moves simplified (draw-motion.ts), and its full picture at rest is drawn by a drawing
 * worker (rest-pictures.ts): the slide keeps its last frame in motion until the picture comes.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { PointerEvent as ReactPointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  easeInOut,
  entranceCamera,
  interpolateCamera,
  interpolatePositions,
  screenCamera,
  startPositions,
} from '../../../src/decks/camera-transition'
import type { ScreenCamera } from '../../../src/decks/camera-transition'
import { spiral } from '../../../src/decks/deck-export'
import type { MapSlideView } from '../../../src/decks/slide-view'
import { neighbourIds } from '../../../src/graph/shown-graph'
import type { ShownGraph } from '../../../src/graph/shown-graph'
import { drawMap, drawOverlay, screenRadius } from '../Map/draw-map'
import type { RenderState } from '../Map/map-render-protocol'
import type { Theme } from '../Map/map-style'
import { drawMotionFrame } from './draw-motion'
import { RestPictures } from './rest-pictures'
import type { RestPicture } from './rest-pictures'

/** Where every entry of the last drawn frame was, shared by the slides of one presentation. */
export type FrameMemory = Map<string, { x: number; y: number }>

interface Props {
  graph: ShownGraph
  view: MapSlideView
  /** Identifies the slide: a new one animates in with a long move, the same one with a short. */
  slideKey: string
  theme: Theme
  /** Type size multiplier (1 on the map screen). */
  scale: number
  selected?: string | null
  interactive?: boolean
  memory?: FrameMemory
  onSelect?: (id: string | null) => void
  onMove?: (id: string, point: { x: number; y: number }) => void
  /** Fades and grows in when first drawn (the presentation; not the editor's preview). */
  entrance?: boolean
  /** Benchmarks and tests: called when a transition ends, with its frame times (ms). */
  onTransitionEnd?: (frames: number[]) => void
  label: string
}

const MIN_DURATION = 450
const MAX_DURATION = 1_200
const SHORT_DURATION = 220
const ENTRANCE_DURATION = 600
/**
 * Above this many entries and ties, frames in motion are drawn simplified (draw-motion.ts) and the
 * full picture at rest by the drawing worker.
 */
const BIG_MAP = 800

function isBig(graph: ShownGraph): boolean {
  return graph.nodes.length + graph.edges.length > BIG_MAP
}

/** Benchmarks and tests read when a move ended and when its full picture was shown. */
type DeckProbe = Window & {
  __carnetDeckTransitions?: unknown[]
  __carnetDeckPictures?: { drawMs: number; shownAt: number }[]
}

export function SlideMap(props: Props) {
  const { graph, view, slideKey, theme, scale, selected = null, interactive = false } = props
  const { t } = useTranslation()
  const wrapper = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const size = useRef({ width: 0, height: 0 })
  const positions = useRef<Float32Array>(new Float32Array(0))
  const camera = useRef<ScreenCamera>({ x: 0, y: 0, k: 1 })
  const frame = useRef(0)
  const [ownMemory] = useState<FrameMemory>(() => new Map())
  const memory = props.memory ?? ownMemory
  const lastSlide = useRef<string | null>(null)
  const hasDrawn = useRef(false)
  const drag = useRef<{ id: string; moved: boolean; startX: number; startY: number } | null>(null)
  const propsRef = useRef(props)
  useLayoutEffect(() => {
    propsRef.current = props
  })

  const index = useMemo(() => new Map(graph.nodes.map((node, i) => [node.id, i])), [graph])
  const highlight = useMemo(() => {
    const ids = [...view.highlights, ...(selected ? [selected] : [])].filter((id) => index.has(id))
    if (ids.length === 0) return null
    const bright = new Set<string>()
    for (const id of ids) for (const one of neighbourIds(graph, id)) bright.add(one)
    return bright
  }, [graph, index, view.highlights, selected])

  const highlightRef = useRef(highlight)
  useLayoutEffect(() => {
    highlightRef.current = highlight
  })

  const targetPositions = useMemo(() => {
    const result = new Float32Array(graph.nodes.length * 2)
    graph.nodes.forEach((node, i) => {
      const at = view.positions[node.id] ?? memory.get(node.id) ?? spiral(i)
      result[i * 2] = at.x
      result[i * 2 + 1] = at.y
    })
    return result
  }, [graph, view.positions, memory])

  /** The camera and frame the picture is drawn in: the type scale's zoom taken out. */
  const drawnView = (scale: number) => {
    const c = camera.current
    const { width, height } = size.current
    return {
      camera: { x: c.x / scale, y: c.y / scale, k: c.k / scale },
      width: width / scale,
      height: height / scale,
    }
  }

  const pictures = useRef<RestPictures | null>(null)
  const showPicture = useRef<(picture: RestPicture) => void>(() => {})
  const paintAtRest = useRef<() => void>(() => {})
  const restPictures = useCallback(() => {
    pictures.current ??= new RestPictures(
      (picture) => showPicture.current(picture),
      () => paintAtRest.current(),
    )
    return pictures.current
  }, [])

  /** Asks the drawing worker for the full picture of the map as it is now. */
  const askPicture = useCallback(
    (scale: number) => {
      if (size.current.width === 0) return
      const { graph, theme, selected = null } = propsRef.current
      const highlight = highlightRef.current
      const state: RenderState = {
        ...drawnView(scale),
        ratio: (window.devicePixelRatio || 1) * scale,
        theme,
        hovered: null,
        selected,
        focused: null,
        highlight: highlight ? [...highlight] : null,
        editing: null,
      }
      restPictures().ask(graph, positions.current, state)
    },
    [restPictures],
  )

  /**
   * Draws the map now. In motion a big map is drawn simplified; at rest, its full picture is
   * asked of the drawing worker and the simplified frame stays until it comes.
   */
  const paint = useCallback(
    (moving = false) => {
      const element = canvas.current
      // Opaque: every drawing fills the whole canvas, and an opaque canvas lets the compositor
      // skip the page's tiles under it. With them, software compositing redrew some thirty tiles
      // of the page under the map on every frame of a move (12 ms a frame, against 2 ms).
      const context = element?.getContext('2d', { alpha: false })
      if (!element || !context) return
      const ratio = window.devicePixelRatio || 1
      const { graph, theme } = propsRef.current
      const view = drawnView(scale)
      context.setTransform(ratio * scale, 0, 0, ratio * scale, 0, 0)
      if (isBig(graph) && (moving || restPictures().available)) {
        drawMotionFrame(context, graph, positions.current, {
          ...view,
          theme,
          highlight: highlightRef.current,
        })
        if (moving) return
        askPicture(scale)
        if (restPictures().available) return
      }
      drawMap(context, graph, positions.current, {
        ...view,
        theme,
        hovered: null,
        selected: propsRef.current.selected ?? null,
        focused: null,
        highlight: highlightRef.current,
        pendingTie: null,
        editing: null,
      })
    },
    [scale, askPicture, restPictures],
  )

  /**
   * The selection or the colours changed at rest: a big map keeps its picture until the new one
   * comes, rather than falling back to the simplified frame for a moment.
   */
  const refresh = useCallback(() => {
    if (isBig(propsRef.current.graph) && restPictures().available) askPicture(scale)
    else paint()
  }, [scale, paint, askPicture, restPictures])

  useLayoutEffect(() => {
    paintAtRest.current = () => {
      if (frame.current === 0) paint()
    }
    showPicture.current = ({ bitmap, drawMs }) => {
      const element = canvas.current
      const context = element?.getContext('2d', { alpha: false })
      // A picture for a view no longer shown (the map moves, an entry is dragged, the canvas
      // changed size) is dropped: a newer one is coming or the map is moving.
      if (
        !element ||
        !context ||
        frame.current !== 0 ||
        drag.current?.moved === true ||
        bitmap.width !== element.width ||
        bitmap.height !== element.height
      ) {
        bitmap.close()
        return
      }
      context.setTransform(1, 0, 0, 1, 0, 0)
      context.drawImage(bitmap, 0, 0)
      bitmap.close()
      const ratio = window.devicePixelRatio || 1
      context.setTransform(ratio * scale, 0, 0, ratio * scale, 0, 0)
      drawOverlay(context, propsRef.current.graph, positions.current, {
        camera: drawnView(scale).camera,
        theme: propsRef.current.theme,
        selected: propsRef.current.selected ?? null,
        focused: null,
        pendingTie: null,
      })
      ;(window as DeckProbe).__carnetDeckPictures?.push({ drawMs, shownAt: performance.now() })
    }
  })

  /** Animates from what is on screen to the slide's view. */
  const animate = useCallback(
    (long: boolean) => {
      const { width, height } = size.current
      if (width === 0) return
      const nodes = propsRef.current.graph.nodes
      const ids = nodes.map((node) => node.id)
      const from = startPositions(ids, targetPositions, memory)
      const to = targetPositions
      const { camera: stored, frame: taken } = propsRef.current.view
      const targetCamera = screenCamera(stored, width, height, taken)
      const first = lastSlide.current === null
      // The first drawing after a text or chart slide: fade in and grow from a wider camera,
      // entries sliding from where the last map slide had them (the shared memory).
      // Reduced motion: no entrance and no travel; each view is shown where it ends.
      const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches
      const entering = !hasDrawn.current && propsRef.current.entrance === true && !still
      hasDrawn.current = true
      const path = interpolateCamera(
        entering
          ? entranceCamera(targetCamera, width, height)
          : first
            ? targetCamera
            : camera.current,
        targetCamera,
        width,
        height,
      )
      const move = interpolatePositions(first && !entering ? to : from, to)
      const duration = entering
        ? ENTRANCE_DURATION
        : first || still
          ? 0
          : long
            ? Math.min(MAX_DURATION, Math.max(MIN_DURATION, path.duration * 0.7))
            : SHORT_DURATION
      const fading = entering ? canvas.current : null
      // A move that cuts an entrance short shows the map whole.
      if (!entering && canvas.current) canvas.current.style.opacity = ''
      if (frame.current) cancelAnimationFrame(frame.current)
      // The picture asked for at the end of the last move would show a view being left.
      pictures.current?.cancel()
      const began = performance.now()
      const frames: number[] = []
      const paints: number[] = []
      let previous = began
      const step = (now: number) => {
        frames.push(now - previous)
        previous = now
        const raw = duration === 0 ? 1 : Math.min(1, (now - began) / duration)
        const eased = easeInOut(raw)
        camera.current = path.at(eased)
        positions.current = move(eased)
        if (fading) fading.style.opacity = raw < 1 ? String(eased) : ''
        const drawn = performance.now()
        paint(raw < 1)
        paints.push(performance.now() - drawn)
        if (raw < 1) {
          frame.current = requestAnimationFrame(step)
          return
        }
        frame.current = 0
        positions.current = to
        memory.clear()
        nodes.forEach((node, i) => memory.set(node.id, { x: to[i * 2]!, y: to[i * 2 + 1]! }))
        propsRef.current.onTransitionEnd?.(frames.slice(1))
        // Benchmarks read each transition's frame intervals and drawing times (deck.bench.ts).
        if (duration > 0 && !entering)
          (window as DeckProbe).__carnetDeckTransitions?.push({
            frames: frames.slice(1),
            paints,
            long,
            endedAt: performance.now(),
          })
      }
      frame.current = requestAnimationFrame(step)
    },
    [targetPositions, memory, paint],
  )

  // A new slide, or the same slide changed (an entry moved, added, undone): move to it.
  useEffect(() => {
    const long = lastSlide.current !== slideKey
    animate(long)
    lastSlide.current = slideKey
  }, [animate, slideKey, view.camera])

  useEffect(() => {
    if (frame.current === 0) refresh()
  }, [refresh, highlight, selected, theme])

  // Canvas size follows its box.
  useEffect(() => {
    const element = canvas.current
    const box = wrapper.current
    if (!element || !box) return
    const resize = () => {
      const bounds = box.getBoundingClientRect()
      const ratio = window.devicePixelRatio || 1
      // Whole device pixels, the box's size rounded down: a canvas shown even a fraction of a
      // pixel larger or smaller than its bitmap is resampled by the compositor on every frame
      // (in software, 3–4 ms a frame at 1920 × 1080).
      element.width = Math.max(1, Math.floor(bounds.width * ratio))
      element.height = Math.max(1, Math.floor(bounds.height * ratio))
      const width = element.width / ratio
      const height = element.height / ratio
      element.style.width = `${String(width)}px`
      element.style.height = `${String(height)}px`
      const first = size.current.width === 0
      size.current = { width, height }
      camera.current = screenCamera(
        propsRef.current.view.camera,
        width,
        height,
        propsRef.current.view.frame,
      )
      if (first) animate(false)
      else paint()
    }
    resize()
    const observer = new ResizeObserver(resize)
    observer.observe(box)
    return () => observer.disconnect()
    // The observer is set up once; it reads the latest props through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(
    () => () => {
      if (frame.current) cancelAnimationFrame(frame.current)
      pictures.current?.close()
      pictures.current = null
    },
    [],
  )

  const nodeAt = (x: number, y: number): string | null => {
    const c = camera.current
    const list = propsRef.current.graph.nodes
    let best: string | null = null
    let bestDistance = Infinity
    for (let i = 0; i < list.length; i++) {
      const dx = positions.current[i * 2]! * c.k + c.x - x
      const dy = positions.current[i * 2 + 1]! * c.k + c.y - y
      const distance = Math.hypot(dx, dy)
      const reach = Math.max(10, screenRadius(list[i]!.radius, c.k / scale) * scale + 4)
      if (distance <= reach && distance < bestDistance) {
        best = list[i]!.id
        bestDistance = distance
      }
    }
    return best
  }
  const toMap = (x: number, y: number) => ({
    x: (x - camera.current.x) / camera.current.k,
    y: (y - camera.current.y) / camera.current.k,
  })

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (!interactive || event.button !== 0) return
    const { offsetX: x, offsetY: y } = event.nativeEvent
    const id = nodeAt(x, y)
    if (!id) {
      props.onSelect?.(null)
      return
    }
    drag.current = { id, moved: false, startX: x, startY: y }
    event.currentTarget.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const current = drag.current
    if (!interactive) return
    const { offsetX: x, offsetY: y } = event.nativeEvent
    if (!current) {
      event.currentTarget.style.cursor = nodeAt(x, y) ? 'grab' : 'default'
      return
    }
    if (Math.hypot(x - current.startX, y - current.startY) > 3) current.moved = true
    if (!current.moved || frame.current) return
    const i = index.get(current.id)
    if (i === undefined) return
    const point = toMap(x, y)
    positions.current[i * 2] = point.x
    positions.current[i * 2 + 1] = point.y
    memory.set(current.id, point)
    paint(true)
  }
  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const current = drag.current
    drag.current = null
    if (!current) return
    if (current.moved) {
      const { offsetX: x, offsetY: y } = event.nativeEvent
      props.onMove?.(current.id, toMap(x, y))
      // Dragged in motion: at rest again (the saved move then travels there, from here).
      refresh()
    } else {
      props.onSelect?.(current.id === selected ? null : current.id)
    }
  }

  return (
    <div ref={wrapper} className="slide-map" data-testid="slide-map">
      <canvas
        ref={canvas}
        role="img"
        aria-label={props.label}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      />
      {interactive && (
        <EntryList
          graph={graph}
          selected={selected}
          onSelect={props.onSelect}
          label={t('map.nodeList')}
        />
      )}
    </div>
  )
}

/**
 * The entries as buttons, for the keyboard and screen readers. Kept out of the slide's renders:
 * thousands of items compared again at each move to another slide of the same map, on the
 * thread that draws the move.
 */
const EntryList = memo(function EntryList({
  graph,
  selected,
  onSelect,
  label,
}: {
  graph: ShownGraph
  selected: string | null
  onSelect: ((id: string | null) => void) | undefined
  label: string
}) {
  return (
    <ul className="visually-hidden" aria-label={label}>
      {graph.nodes.map((node) => (
        <li key={node.id} data-testid="slide-entry">
          <button
            type="button"
            aria-pressed={node.id === selected}
            onClick={() => onSelect?.(node.id === selected ? null : node.id)}
          >
            {node.entity.name}
          </button>
        </li>
      ))}
    </ul>
  )
})
