import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useDeferredValue,
  useState,
} from 'react'
import type {
  KeyboardEvent as ReactKeyboardEvent,
  PointerEvent as ReactPointerEvent,
  Ref,
} from 'react'
import { useTranslation } from 'react-i18next'
import { select } from 'd3-selection'
import { zoom as d3Zoom, zoomIdentity } from 'd3-zoom'
import type { ZoomBehavior } from 'd3-zoom'
import { neighbourIds } from '../../../src/graph/shown-graph'
import type { ShownGraph } from '../../../src/graph/shown-graph'
import type { EntityKind } from '../../../src/model/vocabulary'
import type { MapPosition } from '../../../src/notebook/maps'
import { drawMap, drawOverlay, screenRadius } from './draw-map'
import type { Camera, MapGroup } from './draw-map'
import { LatestWins } from './latest-wins'
import type { LayoutReply, LayoutRequest } from './layout-protocol'
import { packGraph, packedTransfer } from './map-render-protocol'
import type { MapRenderReply, MapRenderRequest } from './map-render-protocol'
import { DARK, LIGHT } from './map-style'

export interface MapCanvasHandle {
  /** Where every shown entry sits (map units) and which are pinned, and the camera from centre. */
  snapshot(): {
    positions: Record<string, MapPosition>
    camera: Camera
    width: number
    height: number
  }
  relayout(): void
  fit(): void
  zoomBy(factor: number): void
  /** The next entries that appear without a known position are put at this map point. */
  spawnAt(point: { x: number; y: number }): void
  /** The map point at the centre of the screen. */
  centre(): { x: number; y: number }
  startRename(id: string): void
  focusList(): void
  /** Lets a pinned entry move with the layout again. */
  unpin(id: string): void
}

export type MapMode = 'move' | 'tie'

interface Props {
  graph: ShownGraph
  /** Saved positions and camera to start from (a saved map, or the last working view). */
  initial: { positions: Record<string, MapPosition>; camera: Camera | null }
  mode: MapMode
  selected: string | null
  dark: boolean
  onSelect: (id: string | null) => void
  onAddAt: (point: { x: number; y: number }) => void
  onTie: (from: string, to: string | null) => void
  onRename: (id: string, name: string) => void
  onDelete: (id: string) => void
  onOpen: (id: string) => void
  onSettled?: (elapsed: number) => void
  /** A graph is on screen in full for the first time. */
  onDrawn?: () => void
  /** Communities drawn as hulls under the entries. */
  groups?: readonly MapGroup[]
  /** True while the notebook is still being read: the map is busy, not empty. */
  loading?: boolean
  /** The pinned entries, each time one is pinned (dragged) or let go, and once loaded. */
  onPinChange?: (pinned: ReadonlySet<string>) => void
  handle: Ref<MapCanvasHandle>
}

function createLayoutWorker(): Worker {
  return new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module' })
}

/** Where an entry's name goes in its translated option sentence (no translation holds it). */
const NAME_SLOT = '\u0000'

/** The User Timing mark set when a map's graph is first on screen in full. */
const MAP_DRAWN = 'carnet-map-drawn'

/** How often a big map's picture is drawn again while its layout moves the entries. */
const MOVING_PICTURE_MS = 500

/** Maps with more entries and ties than this are drawn in full by the drawing worker. */
const BIG_MAP = 1500

/** The drawing worker, or null where it cannot draw (no OffscreenCanvas): the page draws. */
function createRenderWorker(): Worker | null {
  if (typeof OffscreenCanvas === 'undefined' || typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('../../workers/map-render.worker.ts', import.meta.url), {
      type: 'module',
    })
  } catch {
    return null
  }
}

/**
 * The page's drawing worker, kept between visits to the map so that reopening a big map does not
 * wait for a worker to start. Scenes are numbered across visits: an answer meant for a map that
 * was left carries an older scene and is dropped.
 */
const drawingWorker: { worker: Worker | null; inUse: boolean; scenes: number } = {
  worker: null,
  inUse: false,
  scenes: 0,
}

function sameCamera(a: Camera | null, b: Camera): boolean {
  return a !== null && a.x === b.x && a.y === b.y && a.k === b.k
}

/** Benchmarks read how long drawings took (test/bench/map.bench.ts). */
function reportTime(name: '__carnetMapDrawMs' | '__carnetMapWorkerDrawMs', ms: number): void {
  ;(window as { [key in typeof name]?: number[] })[name]?.push(ms)
}

/** Starting spots for entries without a position: a sunflower spiral around a point. */
function spiral(i: number, cx = 0, cy = 0, spacing = 28): { x: number; y: number } {
  const r = spacing * Math.sqrt(i + 0.5)
  const angle = i * 2.399963
  return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) }
}

export function MapCanvas(props: Props) {
  const { graph, initial, mode, selected, dark, handle } = props
  const { t } = useTranslation()
  const wrapper = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const known = useRef(new Map<string, { x: number; y: number }>())
  const pinned = useRef(new Set<string>())
  const positions = useRef<Float32Array>(new Float32Array(0))
  const camera = useRef<Camera>({ x: 0, y: 0, k: 1 })
  const size = useRef({ width: 0, height: 0 })
  const zoomBehaviour = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null)
  const worker = useRef<Worker | null>(null)
  const run = useRef(0)
  const spawn = useRef<{ x: number; y: number } | null>(null)
  const frame = useRef(0)
  const hasCamera = useRef(initial.camera !== null)
  const propsRef = useRef(props)
  useLayoutEffect(() => {
    propsRef.current = props
  })
  const [hovered, setHovered] = useState<string | null>(null)
  const [focused, setFocused] = useState<string | null>(null)
  const [pendingTie, setPendingTie] = useState<{ from: string; x: number; y: number } | null>(null)
  const [editing, setEditing] = useState<{
    id: string
    value: string
    x: number
    y: number
  } | null>(null)
  const [settling, setSettling] = useState(false)
  const [hasFocus, setHasFocus] = useState(false)
  const cancelRename = useRef(false)
  const drag = useRef<{
    id: string | null
    kind: 'move' | 'tie' | 'empty'
    startX: number
    startY: number
    moved: boolean
  } | null>(null)

  // Positions from the saved view, once, before the first layout.
  useEffect(() => {
    for (const [id, position] of Object.entries(initial.positions)) {
      known.current.set(id, { x: position.x, y: position.y })
      if (position.pinned) pinned.current.add(id)
    }
    propsRef.current.onPinChange?.(new Set(pinned.current))
  }, [initial])

  const index = useMemo(() => new Map(graph.nodes.map((node, i) => [node.id, i])), [graph])
  const highlight = useMemo(() => {
    const centre = hovered ?? selected
    return centre && index.has(centre) ? neighbourIds(graph, centre) : null
  }, [graph, index, hovered, selected])

  const drawState = useRef({
    hovered,
    focused,
    hasFocus,
    pendingTie,
    editing,
    highlight,
    selected,
    dark,
  })
  useLayoutEffect(() => {
    drawState.current = {
      hovered,
      focused,
      hasFocus,
      pendingTie,
      editing,
      highlight,
      selected,
      dark,
    }
  })

  /**
   * Big maps are drawn in full by the drawing worker; the page shows its newest picture, moved and
   * scaled to the camera of now, with the rings and the pending tie drawn over it. Every frame
   * then costs one image copy, whatever the size of the map, and a full drawing never holds up
   * the page. While the camera moves, no new picture is asked for until the gesture pauses.
   */
  const renderer = useRef<{
    worker: Worker
    /** Whether it is the page's kept worker (else this map's own, ended with it). */
    shared: boolean
    graph: ShownGraph | null
    groups: readonly MapGroup[] | undefined
    scene: number
    /** Scenes up to this one were sent before this map took the worker. */
    since: number
  } | null>(null)
  /** The drawing worker failed or cannot draw here: the page draws big maps itself. */
  const rendererBroken = useRef(false)
  const drawings = useRef(new LatestWins())
  const picture = useRef<{
    bitmap: ImageBitmap
    camera: Camera
    ratio: number
    /** The graph it shows. */
    graph: ShownGraph | null
  } | null>(null)
  /** The last graph shown in full, to mark when a new one is first on screen. */
  const drawnGraph = useRef<ShownGraph | null>(null)
  /** The camera of the newest drawing asked of the worker. */
  const askedCamera = useRef<Camera | null>(null)
  const pauseTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /** Whether the layout is moving entries, when the newest picture was asked for, and the wait. */
  const layoutMoving = useRef(false)
  const askedAt = useRef(0)
  const lastDrawMs = useRef(0)
  const movingTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  /**
   * When no drawing worker is used, big maps pan and zoom on a still: the last full drawing,
   * moved and scaled, until the gesture pauses; then the map is drawn again in full.
   */
  const still = useRef<{ canvas: HTMLCanvasElement; camera: Camera } | null>(null)
  const stale = useRef(true)
  const gestureUntil = useRef(0)
  const redraw = useRef(() => {})
  const onRendered = useRef<(reply: MapRenderReply) => void>(() => {})

  const dropPicture = useCallback(() => {
    picture.current?.bitmap.close()
    picture.current = null
  }, [])
  /** Lets go of the drawing worker: kept for the next map when it is the page's, else ended. */
  const releaseRenderer = useCallback(
    (broken: boolean) => {
      const current = renderer.current
      renderer.current = null
      drawings.current.forget()
      askedCamera.current = null
      dropPicture()
      if (!current) return
      current.worker.onmessage = null
      current.worker.onerror = null
      if (!current.shared) current.worker.terminate()
      else if (broken) {
        current.worker.terminate()
        drawingWorker.worker = null
        drawingWorker.inUse = false
      } else {
        current.worker.postMessage({ type: 'release' } satisfies MapRenderRequest)
        drawingWorker.inUse = false
      }
    },
    [dropPicture],
  )
  /** The drawing worker, started on first use; null when the page has to draw. */
  const rendererNow = useCallback(() => {
    if (rendererBroken.current) return null
    if (renderer.current) return renderer.current
    const shared = !drawingWorker.inUse
    const worker = (shared ? drawingWorker.worker : null) ?? createRenderWorker()
    if (!worker) {
      rendererBroken.current = true
      return null
    }
    if (shared) {
      drawingWorker.worker = worker
      drawingWorker.inUse = true
    }
    worker.onmessage = (event: MessageEvent<MapRenderReply>) => onRendered.current(event.data)
    worker.onerror = () => onRendered.current({ type: 'unavailable', reason: 'worker error' })
    const since = drawingWorker.scenes
    renderer.current = { worker, shared, graph: null, groups: undefined, scene: since, since }
    return renderer.current
  }, [])
  /** Asks the drawing worker for a picture of the map as it is now. */
  const postDrawing = useCallback((version: number) => {
    const current = renderer.current
    if (!current) return
    const { graph, groups } = propsRef.current
    if (current.graph !== graph || current.groups !== groups) {
      current.graph = graph
      current.groups = groups
      drawingWorker.scenes += 1
      current.scene = drawingWorker.scenes
      const packed = packGraph(graph)
      current.worker.postMessage(
        {
          type: 'scene',
          scene: current.scene,
          graph: packed,
          groups: groups ?? [],
        } satisfies MapRenderRequest,
        packedTransfer(packed),
      )
    }
    const state = drawState.current
    // While the layout moves, pictures are seen for a moment each: half as sharp, drawn in a
    // fraction of the time, and the sharp one comes once the layout settles.
    const ratio = (window.devicePixelRatio || 1) * (layoutMoving.current ? 0.5 : 1)
    const copy = positions.current.slice()
    askedCamera.current = { ...camera.current }
    const request: MapRenderRequest = {
      type: 'draw',
      version,
      scene: current.scene,
      positions: copy,
      state: {
        camera: { ...camera.current },
        width: size.current.width,
        height: size.current.height,
        ratio,
        theme: state.dark ? DARK : LIGHT,
        hovered: state.hovered,
        selected: state.selected,
        focused: state.hasFocus ? state.focused : null,
        highlight: state.highlight ? [...state.highlight] : null,
        editing: state.editing?.id ?? null,
      },
    }
    current.worker.postMessage(request, [copy.buffer])
  }, [])
  useEffect(() => {
    onRendered.current = (reply) => {
      if (reply.type === 'unavailable') {
        rendererBroken.current = true
        releaseRenderer(true)
        stale.current = true
        redraw.current()
        return
      }
      // An answer to the map that had the worker before this one.
      if (reply.scene <= (renderer.current?.since ?? Infinity)) {
        if (reply.type === 'drawn') reply.bitmap.close()
        return
      }
      if (reply.type === 'skipped') {
        const { next } = drawings.current.answer(reply.version)
        if (next !== null) postDrawing(next)
        return
      }
      reportTime('__carnetMapWorkerDrawMs', reply.drawMs)
      lastDrawMs.current = reply.drawMs
      const { show, next } = drawings.current.answer(reply.version)
      if (show && renderer.current) {
        dropPicture()
        picture.current = {
          bitmap: reply.bitmap,
          camera: reply.camera,
          ratio: reply.ratio,
          graph: renderer.current.graph,
        }
        redraw.current()
      } else {
        reply.bitmap.close()
      }
      if (next !== null) postDrawing(next)
    }
  }, [dropPicture, postDrawing, releaseRenderer])

  /**
   * A graph is on screen in full for the first time (not only its rings over an older picture):
   * marked in the page's User Timing, where the benchmarks read it.
   */
  const markDrawn = useCallback((graph: ShownGraph) => {
    if (drawnGraph.current === graph || graph.nodes.length === 0) return
    drawnGraph.current = graph
    performance.clearMarks(MAP_DRAWN)
    performance.mark(MAP_DRAWN)
    propsRef.current.onDrawn?.()
  }, [])

  const draw = useCallback(() => {
    frame.current = 0
    const element = canvas.current
    const context = element?.getContext('2d')
    if (!element || !context) return
    const ratio = window.devicePixelRatio || 1
    const state = drawState.current
    const theme = state.dark ? DARK : LIGHT
    const graph = propsRef.current.graph
    const big = graph.nodes.length + graph.edges.length > BIG_MAP
    const began = performance.now()
    const report = () => reportTime('__carnetMapDrawMs', performance.now() - began)
    const inGesture = began < gestureUntil.current
    if (big && rendererNow()) {
      const moved = !sameCamera(askedCamera.current, camera.current)
      // Positions of a graph just replaced, before its layout starts: wait for them (stale).
      const ready = positions.current.length === graph.nodes.length * 2
      // While the layout moves the entries, a new picture at most every so often (and never more
      // often than one takes to draw): the drawing worker would otherwise take a core from the
      // layout for pictures seen a moment each.
      const wait =
        layoutMoving.current && picture.current
          ? askedAt.current + Math.max(MOVING_PICTURE_MS, lastDrawMs.current) - began
          : 0
      if (ready && (stale.current || (moved && !inGesture)) && wait > 0) {
        if (movingTimer.current === null) {
          movingTimer.current = setTimeout(() => {
            movingTimer.current = null
            redraw.current()
          }, wait)
        }
      } else if (ready && (stale.current || (moved && !inGesture))) {
        stale.current = false
        askedAt.current = began
        const version = drawings.current.change()
        if (version !== null) postDrawing(version)
      } else if (moved) {
        // Ask for a sharp picture once the gesture pauses.
        if (pauseTimer.current !== null) clearTimeout(pauseTimer.current)
        pauseTimer.current = setTimeout(
          () => {
            pauseTimer.current = null
            redraw.current()
          },
          gestureUntil.current - began + 5,
        )
      }
      context.setTransform(1, 0, 0, 1, 0, 0)
      context.fillStyle = theme.background
      context.fillRect(0, 0, element.width, element.height)
      const shown = picture.current
      if (shown) {
        const scale = camera.current.k / shown.camera.k
        const resample = ratio / shown.ratio
        context.setTransform(
          scale * resample,
          0,
          0,
          scale * resample,
          ratio * (camera.current.x - scale * shown.camera.x),
          ratio * (camera.current.y - scale * shown.camera.y),
        )
        context.drawImage(shown.bitmap, 0, 0)
        if (shown.graph === graph) markDrawn(graph)
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0)
      drawOverlay(context, graph, positions.current, {
        camera: camera.current,
        theme,
        selected: state.selected,
        focused: state.hasFocus ? state.focused : null,
        pendingTie: state.pendingTie,
      })
      report()
      return
    }
    // A map that became small (or a worker that failed) leaves no picture behind.
    if (picture.current) dropPicture()
    const stillPicture = still.current
    if (big && stillPicture && !stale.current && inGesture) {
      const scale = camera.current.k / stillPicture.camera.k
      context.setTransform(1, 0, 0, 1, 0, 0)
      context.fillStyle = theme.background
      context.fillRect(0, 0, element.width, element.height)
      context.setTransform(
        scale,
        0,
        0,
        scale,
        ratio * (camera.current.x - scale * stillPicture.camera.x),
        ratio * (camera.current.y - scale * stillPicture.camera.y),
      )
      context.drawImage(stillPicture.canvas, 0, 0)
      setTimeout(() => redraw.current(), gestureUntil.current - began + 5)
      report()
      return
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0)
    drawMap(context, graph, positions.current, {
      camera: camera.current,
      width: size.current.width,
      height: size.current.height,
      theme,
      hovered: state.hovered,
      selected: state.selected,
      focused: state.hasFocus ? state.focused : null,
      highlight: state.highlight,
      pendingTie: state.pendingTie,
      editing: state.editing?.id ?? null,
      groups: propsRef.current.groups,
    })
    if (positions.current.length === graph.nodes.length * 2) markDrawn(graph)
    if (big) {
      const copy = stillPicture?.canvas ?? document.createElement('canvas')
      copy.width = element.width
      copy.height = element.height
      copy.getContext('2d')?.drawImage(element, 0, 0)
      still.current = { canvas: copy, camera: { ...camera.current } }
      stale.current = false
    }
    report()
  }, [dropPicture, markDrawn, postDrawing, rendererNow])
  useEffect(() => {
    redraw.current = () => {
      if (frame.current === 0) frame.current = requestAnimationFrame(draw)
    }
  }, [draw])
  /** Something on the map changed: the next frame draws it in full. */
  const invalidate = useCallback(() => {
    stale.current = true
    if (frame.current === 0) frame.current = requestAnimationFrame(draw)
  }, [draw])
  /** Only the camera moved: big maps may show the still until the gesture pauses. */
  const invalidateCamera = useCallback(() => {
    gestureUntil.current = performance.now() + 160
    if (frame.current === 0) frame.current = requestAnimationFrame(draw)
  }, [draw])

  useEffect(invalidate, [
    invalidate,
    hovered,
    focused,
    hasFocus,
    editing,
    highlight,
    selected,
    dark,
    graph,
    props.groups,
  ])
  // The pending tie follows the pointer: a frame, never a new picture from the drawing worker.
  useEffect(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(draw)
  }, [draw, pendingTie])

  const fit = useCallback(() => {
    const { width, height } = size.current
    const list = propsRef.current.graph.nodes
    if (list.length === 0 || width === 0 || !canvas.current || !zoomBehaviour.current) return
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (let i = 0; i < list.length; i++) {
      const x = positions.current[i * 2]!
      const y = positions.current[i * 2 + 1]!
      x0 = Math.min(x0, x)
      y0 = Math.min(y0, y)
      x1 = Math.max(x1, x)
      y1 = Math.max(y1, y)
    }
    const pad = 70
    const k = Math.min(
      2,
      Math.max(
        0.05,
        Math.min((width - pad * 2) / (x1 - x0 || 1), (height - pad * 2) / (y1 - y0 || 1)),
      ),
    )
    const transform = zoomIdentity
      .translate(width / 2 - ((x0 + x1) / 2) * k, height / 2 - ((y0 + y1) / 2) * k)
      .scale(k)
    zoomBehaviour.current.transform(select(canvas.current), transform)
  }, [])

  const startLayout = useCallback(
    (free: boolean) => {
      const list = propsRef.current.graph.nodes
      const count = list.length
      const radii = new Float32Array(count)
      const initialPositions = new Float32Array(count * 2)
      const fixed = new Uint8Array(count)
      let knownCount = 0
      list.forEach((node, i) => {
        radii[i] = node.radius
        const at = known.current.get(node.id)
        if (at) knownCount++
      })
      const holdKnown = !free && knownCount >= count / 2
      const idx = new Map(list.map((node, i) => [node.id, i]))
      const neighbour = new Map<string, string>()
      for (const edge of propsRef.current.graph.edges) {
        if (!neighbour.has(edge.source)) neighbour.set(edge.source, edge.target)
        if (!neighbour.has(edge.target)) neighbour.set(edge.target, edge.source)
      }
      let newcomers = 0
      let placed = false
      list.forEach((node, i) => {
        let at = known.current.get(node.id)
        if (!at && spawn.current) {
          at = spawn.current
          pinned.current.add(node.id)
          placed = true
          known.current.set(node.id, at)
          spawn.current = null
        }
        if (!at) {
          const other = neighbour.get(node.id)
          const near = other ? known.current.get(other) : undefined
          at = near ? spiral(newcomers + 3, near.x, near.y, 14) : spiral(i)
          newcomers++
        }
        initialPositions[i * 2] = at.x
        initialPositions[i * 2 + 1] = at.y
        if (pinned.current.has(node.id) || (holdKnown && known.current.has(node.id))) fixed[i] = 1
      })
      // An entry placed by hand stays where it was put, and can be let go from the panel.
      if (placed) propsRef.current.onPinChange?.(new Set(pinned.current))
      positions.current = initialPositions.slice()
      const links = new Int32Array(propsRef.current.graph.edges.length * 2)
      const weights = new Float32Array(propsRef.current.graph.edges.length)
      propsRef.current.graph.edges.forEach((edge, e) => {
        links[e * 2] = idx.get(edge.source)!
        links[e * 2 + 1] = idx.get(edge.target)!
        weights[e] = edge.tie.strength
      })
      const memberOf = new Map<string, number>()
      propsRef.current.groups?.forEach((group, g) => {
        for (const id of group.memberIds) memberOf.set(id, g)
      })
      const groups =
        memberOf.size > 0 ? Int32Array.from(list, (node) => memberOf.get(node.id) ?? -1) : null
      invalidate()
      const allFixed = count > 0 && fixed.every((value) => value === 1)
      run.current += 1
      if (count === 0 || allFixed) {
        worker.current?.postMessage({ type: 'stop' } satisfies LayoutRequest)
        layoutMoving.current = false
        setSettling(false)
        return
      }
      worker.current ??= createLayoutWorker()
      worker.current.onmessage = (event: MessageEvent<LayoutReply>) => {
        const reply = event.data
        if (reply.run !== run.current) return
        const nodes = propsRef.current.graph.nodes
        if (reply.positions.length !== nodes.length * 2) return
        positions.current = reply.positions
        nodes.forEach((node, i) => {
          known.current.set(node.id, { x: reply.positions[i * 2]!, y: reply.positions[i * 2 + 1]! })
        })
        layoutMoving.current = !reply.settled
        invalidate()
        if (reply.settled) {
          setSettling(false)
          if (!hasCamera.current) {
            hasCamera.current = true
            fit()
          }
          propsRef.current.onSettled?.(reply.elapsed)
        }
      }
      layoutMoving.current = true
      setSettling(true)
      // A big map without a camera yet is shown whole from its starting places while the layout
      // moves it (and fitted again once settled): at the camera of nothing, most of it would be
      // off screen, with thousands of long ties across the picture, slow to draw.
      const big = count + propsRef.current.graph.edges.length > BIG_MAP
      if (!hasCamera.current && big) fit()
      const request: LayoutRequest = {
        type: 'start',
        run: run.current,
        radii,
        links,
        weights,
        initial: initialPositions,
        pinned: fixed,
        ...(groups ? { groups } : {}),
      }
      worker.current.postMessage(request, [
        radii.buffer,
        links.buffer,
        weights.buffer,
        initialPositions.buffer,
        fixed.buffer,
        ...(groups ? [groups.buffer] : []),
      ])
      if (!hasCamera.current && holdKnown) {
        hasCamera.current = true
      }
    },
    [fit, invalidate],
  )

  // A new shown graph: lay out what is new (or everything, the first time).
  useEffect(() => {
    startLayout(false)
  }, [graph, startLayout])
  // Communities drawn or put away: everything not pinned moves to gather (or mix) again.
  const groupKey = props.groups?.map((group) => group.memberIds.join(',')).join('|') ?? ''
  const laidOutGroups = useRef(groupKey)
  useEffect(() => {
    if (laidOutGroups.current === groupKey) return
    laidOutGroups.current = groupKey
    startLayout(true)
  }, [groupKey, startLayout])

  useEffect(
    () => () => {
      worker.current?.terminate()
      worker.current = null
      releaseRenderer(false)
      if (pauseTimer.current !== null) clearTimeout(pauseTimer.current)
      if (movingTimer.current !== null) clearTimeout(movingTimer.current)
      if (frame.current) cancelAnimationFrame(frame.current)
    },
    [releaseRenderer],
  )

  const nodeAtPoint = useCallback((x: number, y: number): string | null => {
    const list = propsRef.current.graph.nodes
    const { k } = camera.current
    let best: string | null = null
    let bestDistance = Infinity
    for (let i = 0; i < list.length; i++) {
      const dx = positions.current[i * 2]! * k + camera.current.x - x
      const dy = positions.current[i * 2 + 1]! * k + camera.current.y - y
      const distance = Math.hypot(dx, dy)
      const reach = Math.max(8, screenRadius(list[i]!.radius, k) + 3)
      if (distance <= reach && distance < bestDistance) {
        best = list[i]!.id
        bestDistance = distance
      }
    }
    return best
  }, [])
  const nodeAt = nodeAtPoint

  // Canvas size and zoom.
  useEffect(() => {
    const element = canvas.current
    const box = wrapper.current
    if (!element || !box) return
    const behaviour = d3Zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.03, 8])
      .filter((event: Event) => {
        if (event.type === 'wheel') return true
        if (event.type === 'dblclick') return false
        const mouse = event as MouseEvent
        if (mouse.button !== 0 || mouse.shiftKey) return false
        return nodeAtPoint(mouse.offsetX, mouse.offsetY) === null
      })
      .on('zoom', (event: { transform: Camera }) => {
        camera.current = { x: event.transform.x, y: event.transform.y, k: event.transform.k }
        invalidateCamera()
      })
    zoomBehaviour.current = behaviour
    const selection = select(element)
    selection.call(behaviour).on('dblclick.zoom', null)
    const resize = () => {
      const { width, height } = box.getBoundingClientRect()
      const previous = size.current
      const ratio = window.devicePixelRatio || 1
      element.width = Math.max(1, Math.round(width * ratio))
      element.height = Math.max(1, Math.round(height * ratio))
      element.style.width = `${String(width)}px`
      element.style.height = `${String(height)}px`
      size.current = { width, height }
      if (previous.width === 0) {
        const start = propsRef.current.initial.camera ?? { x: 0, y: 0, k: 1 }
        behaviour.transform(
          selection,
          zoomIdentity.translate(start.x + width / 2, start.y + height / 2).scale(start.k),
        )
      } else {
        const c = camera.current
        behaviour.transform(
          selection,
          zoomIdentity
            .translate(c.x + (width - previous.width) / 2, c.y + (height - previous.height) / 2)
            .scale(c.k),
        )
      }
      // The canvas was cleared by its new size: draw it in full (a new picture for big maps).
      stale.current = true
      draw()
    }
    resize()
    const observer = new ResizeObserver(resize)
    observer.observe(box)
    return () => {
      observer.disconnect()
      selection.on('.zoom', null)
    }
  }, [draw, invalidateCamera, nodeAtPoint])

  const toMap = (x: number, y: number) => ({
    x: (x - camera.current.x) / camera.current.k,
    y: (y - camera.current.y) / camera.current.k,
  })
  const screenOf = (id: string): { x: number; y: number } | null => {
    const i = index.get(id)
    if (i === undefined) return null
    return {
      x: positions.current[i * 2]! * camera.current.k + camera.current.x,
      y: positions.current[i * 2 + 1]! * camera.current.k + camera.current.y,
    }
  }

  const moveNode = (id: string, point: { x: number; y: number }) => {
    const i = index.get(id)
    if (i === undefined) return
    positions.current[i * 2] = point.x
    positions.current[i * 2 + 1] = point.y
    known.current.set(id, point)
    worker.current?.postMessage({ type: 'pin', index: i, ...point } satisfies LayoutRequest)
    invalidate()
  }

  const unpin = (id: string) => {
    const i = index.get(id)
    if (i === undefined || !pinned.current.delete(id)) return
    worker.current?.postMessage({ type: 'unpin', index: i } satisfies LayoutRequest)
    props.onPinChange?.(new Set(pinned.current))
  }

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return
    wrapper.current?.focus({ preventScroll: true })
    const { offsetX: x, offsetY: y } = event.nativeEvent
    const id = nodeAt(x, y)
    const kind = id === null ? 'empty' : event.shiftKey || mode === 'tie' ? 'tie' : 'move'
    drag.current = { id, kind, startX: x, startY: y, moved: false }
    if (id !== null) event.currentTarget.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const { offsetX: x, offsetY: y } = event.nativeEvent
    const current = drag.current
    if (current) {
      if (Math.hypot(x - current.startX, y - current.startY) > 3) current.moved = true
      if (current.kind === 'move' && current.id && current.moved) moveNode(current.id, toMap(x, y))
      if (current.kind === 'tie' && current.id) setPendingTie({ from: current.id, x, y })
      if (current.kind === 'tie') setHovered(nodeAt(x, y))
      return
    }
    // While the map is being panned, nothing is hovered: no re-render in the middle of a gesture.
    if (event.buttons !== 0) return
    const id = nodeAt(x, y)
    if (id !== hovered) setHovered(id)
    event.currentTarget.style.cursor = id
      ? mode === 'tie' || event.shiftKey
        ? 'crosshair'
        : 'pointer'
      : 'grab'
  }
  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const current = drag.current
    drag.current = null
    if (!current) return
    const { offsetX: x, offsetY: y } = event.nativeEvent
    if (current.kind === 'move' && current.id) {
      if (current.moved) {
        pinned.current.add(current.id)
        props.onPinChange?.(new Set(pinned.current))
      } else {
        props.onSelect(current.id === selected ? null : current.id)
        setFocused(current.id)
      }
    } else if (current.kind === 'tie' && current.id) {
      setPendingTie(null)
      const target = nodeAt(x, y)
      if (target && target !== current.id) props.onTie(current.id, target)
      else if (!current.moved) props.onSelect(current.id)
    } else if (current.kind === 'empty' && !current.moved) {
      props.onSelect(null)
    }
  }
  const onDoubleClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const { offsetX: x, offsetY: y } = event.nativeEvent
    const id = nodeAt(x, y)
    if (id) startRename(id)
    else {
      const point = toMap(x, y)
      spawn.current = point
      props.onAddAt(point)
    }
  }
  const startRename = (id: string) => {
    const node = graph.nodes[index.get(id) ?? -1]
    const at = screenOf(id)
    if (node && at) setEditing({ id, value: node.entity.name, x: at.x, y: at.y })
  }

  /** The entry nearest in a direction from the focused one (arrow keys). */
  const nearestInDirection = (from: string | null, dx: number, dy: number): string | null => {
    const list = graph.nodes
    if (list.length === 0) return null
    const origin = from ? screenOf(from) : null
    if (!origin) {
      const centre = { x: size.current.width / 2, y: size.current.height / 2 }
      let best: string | null = null
      let bestDistance = Infinity
      list.forEach((node) => {
        const at = screenOf(node.id)!
        const distance = Math.hypot(at.x - centre.x, at.y - centre.y)
        if (distance < bestDistance) {
          best = node.id
          bestDistance = distance
        }
      })
      return best
    }
    let best: string | null = null
    let bestScore = Infinity
    for (const node of list) {
      if (node.id === from) continue
      const at = screenOf(node.id)!
      const vx = at.x - origin.x
      const vy = at.y - origin.y
      const along = vx * dx + vy * dy
      if (along <= 0) continue
      const across = Math.abs(vx * dy - vy * dx)
      const score = along + across * 2
      if (score < bestScore) {
        best = node.id
        bestScore = score
      }
    }
    return best
  }
  const reveal = (id: string) => {
    const at = screenOf(id)
    if (!at || !canvas.current || !zoomBehaviour.current) return
    const { width, height } = size.current
    if (at.x > 40 && at.y > 40 && at.x < width - 40 && at.y < height - 40) return
    zoomBehaviour.current.translateBy(
      select(canvas.current),
      (width / 2 - at.x) / camera.current.k,
      (height / 2 - at.y) / camera.current.k,
    )
  }
  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const directions: Record<string, [number, number]> = {
      ArrowRight: [1, 0],
      ArrowLeft: [-1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    }
    const direction = directions[event.key]
    const current = focused && index.has(focused) ? focused : null
    if (direction) {
      event.preventDefault()
      const next = nearestInDirection(current, direction[0], direction[1])
      if (next) {
        setFocused(next)
        reveal(next)
      }
      return
    }
    switch (event.key) {
      case 'Enter':
        if (current) {
          event.preventDefault()
          props.onOpen(current)
        }
        return
      case ' ':
        if (current) {
          event.preventDefault()
          props.onSelect(current === selected ? null : current)
        }
        return
      case 'n':
      case 'N':
        event.preventDefault()
        spawn.current = toMap(size.current.width / 2, size.current.height / 2)
        props.onAddAt(spawn.current)
        return
      case 't':
      case 'T':
        if (current ?? selected) {
          event.preventDefault()
          props.onTie((current ?? selected)!, null)
        }
        return
      case 'F2':
        if (current ?? selected) {
          event.preventDefault()
          startRename((current ?? selected)!)
        }
        return
      case 'u':
      case 'U':
        if (current ?? selected) {
          event.preventDefault()
          unpin((current ?? selected)!)
        }
        return
      case 'Delete':
      case 'Backspace':
        if (current ?? selected) {
          event.preventDefault()
          props.onDelete((current ?? selected)!)
        }
        return
      case 'Escape':
        props.onSelect(null)
        return
      case '+':
      case '=':
        zoomBy(1.4)
        return
      case '-':
        zoomBy(1 / 1.4)
        return
      case '0':
        fit()
        return
    }
  }
  const zoomBy = (factor: number) => {
    if (canvas.current && zoomBehaviour.current)
      zoomBehaviour.current.scaleBy(select(canvas.current), factor)
  }

  useImperativeHandle(handle, () => ({
    snapshot() {
      const result: Record<string, MapPosition> = {}
      graph.nodes.forEach((node, i) => {
        result[node.id] = {
          x: positions.current[i * 2]!,
          y: positions.current[i * 2 + 1]!,
          pinned: pinned.current.has(node.id),
        }
      })
      const { width, height } = size.current
      const c = camera.current
      return {
        positions: result,
        camera: { x: c.x - width / 2, y: c.y - height / 2, k: c.k },
        width,
        height,
      }
    },
    relayout() {
      for (const id of [...known.current.keys()])
        if (!pinned.current.has(id)) known.current.delete(id)
      hasCamera.current = false
      startLayout(true)
    },
    fit,
    zoomBy,
    spawnAt(point) {
      spawn.current = point
    },
    centre: () => toMap(size.current.width / 2, size.current.height / 2),
    startRename,
    focusList: () => wrapper.current?.focus(),
    unpin,
  }))

  const activeIndex = focused ? index.get(focused) : undefined
  // The list is made for the graph of a moment ago while a new one is drawn: on a big map the
  // picture is asked of the drawing worker first, and the thousands of options are made while it
  // draws, in an interruptible render.
  const listed = useDeferredValue(graph)
  // Thousands of options on a big map: built again only when the graph or the selection changes,
  // not on every hover or focus change (that would cost a long task in the middle of a gesture).
  // The sentence is translated once per kind and number of ties, not once per entry.
  const options = useMemo(() => {
    const sentences = new Map<string, string[]>()
    const sentence = (kind: EntityKind, count: number) => {
      const key = `${kind}|${String(count)}`
      let parts = sentences.get(key)
      if (!parts) {
        parts = t('map.nodeOption', {
          name: NAME_SLOT,
          kind: t(`entityKind.${kind}`),
          count,
        }).split(NAME_SLOT)
        sentences.set(key, parts)
      }
      return parts
    }
    return listed.nodes.map((node, i) => {
      const text = sentence(node.entity.kind, node.degree).join(node.entity.name)
      // Named by its label too: its text is not laid out (Map.css), and a screen reader takes
      // no name from text that was skipped.
      return (
        <div
          key={node.id}
          id={`map-node-${String(i)}`}
          role="option"
          aria-selected={node.id === selected}
          aria-label={text}
        >
          {text}
        </div>
      )
    })
  }, [listed, selected, t])
  // Busy while the notebook is read, the layout moves, or the list is not yet made for the graph.
  const busy = props.loading === true || settling || listed !== graph
  return (
    <>
      <p className="visually-hidden" role="status">
        {settling ? t('map.settling') : ''}
      </p>
      <div
        ref={wrapper}
        className="map-canvas"
        role="listbox"
        tabIndex={0}
        aria-label={t('map.canvasLabel', { nodes: graph.nodes.length, ties: graph.edges.length })}
        aria-describedby="map-keyboard-help"
        aria-activedescendant={
          activeIndex === undefined ? undefined : `map-node-${String(activeIndex)}`
        }
        aria-busy={busy}
        data-testid="map-canvas"
        data-settling={busy ? 'true' : 'false'}
        onKeyDown={onKeyDown}
        onFocus={(event) => setHasFocus(event.target === event.currentTarget)}
        onBlur={() => setHasFocus(false)}
      >
        <canvas
          ref={canvas}
          aria-hidden="true"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHovered(null)}
          onDoubleClick={onDoubleClick}
        />
        {/* A list that goes from empty to full is made anew: inserting thousands of options
            into the one already on the page costs React a walk over the siblings for each. */}
        <div className="visually-hidden map-options" key={options.length === 0 ? 'empty' : 'full'}>
          {options}
        </div>
        {/* Seen here; announced by the status region outside the list (a list holds options only). */}
        {settling && (
          <p className="map-settling" aria-hidden="true">
            {t('map.settling')}
          </p>
        )}
        {editing && (
          <input
            className="map-rename"
            aria-label={t('map.renameLabel')}
            style={{ left: editing.x + 12, top: editing.y - 14 }}
            value={editing.value}
            autoFocus
            maxLength={500}
            onChange={(event) => setEditing({ ...editing, value: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault()
                wrapper.current?.focus()
              } else if (event.key === 'Escape') {
                event.preventDefault()
                event.stopPropagation()
                cancelRename.current = true
                wrapper.current?.focus()
              }
            }}
            onBlur={() => {
              const value = editing.value.trim()
              const cancelled = cancelRename.current
              cancelRename.current = false
              setEditing(null)
              if (value && !cancelled) props.onRename(editing.id, value)
            }}
          />
        )}
      </div>
    </>
  )
}
