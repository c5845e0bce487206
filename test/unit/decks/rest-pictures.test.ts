import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ShownGraph } from '../../../src/graph/shown-graph'
import type {
  MapRenderReply,
  MapRenderRequest,
} from '../../../renderer/views/Map/map-render-protocol'
import type { RenderState } from '../../../renderer/views/Map/map-render-protocol'
import { RestPictures } from '../../../renderer/views/Present/rest-pictures'
import type { RestPicture } from '../../../renderer/views/Present/rest-pictures'

/** Stands in for the drawing worker: records what it is sent, answers when told. */
class FakeWorker {
  static started: FakeWorker[] = []
  onmessage: ((event: { data: MapRenderReply }) => void) | null = null
  onerror: (() => void) | null = null
  sent: MapRenderRequest[] = []
  ended = false
  constructor() {
    FakeWorker.started.push(this)
  }
  postMessage(message: MapRenderRequest): void {
    this.sent.push(message)
  }
  terminate(): void {
    this.ended = true
  }
  draws(): Extract<MapRenderRequest, { type: 'draw' }>[] {
    return this.sent.filter((message) => message.type === 'draw')
  }
  answer(version: number, name: string): void {
    const bitmap = { name, close: vi.fn() } as unknown as ImageBitmap
    this.onmessage?.({
      data: {
        type: 'drawn',
        version,
        scene: 1,
        bitmap,
        camera: { x: 0, y: 0, k: 1 },
        ratio: 1,
        drawMs: 5,
      },
    })
  }
}

const graph: ShownGraph = { nodes: [], edges: [] }
const state: RenderState = {
  camera: { x: 0, y: 0, k: 1 },
  width: 100,
  height: 80,
  ratio: 1,
  theme: { background: '#fff', text: '#000', halo: '#fff', muted: '#888', focus: '#00f' },
  hovered: null,
  selected: null,
  focused: null,
  highlight: null,
  editing: null,
}
/** Pictures asked for, and those shown, in order. */
function showing() {
  const shown: RestPicture[] = []
  const pictures = new RestPictures(
    (picture) => shown.push(picture),
    () => {},
  )
  return { shown, pictures }
}

const shownNames = (pictures: RestPicture[]) =>
  pictures.map((picture) => (picture.bitmap as unknown as { name: string }).name)

describe('RestPictures', () => {
  beforeEach(() => {
    FakeWorker.started = []
    vi.stubGlobal('Worker', FakeWorker)
    vi.stubGlobal('OffscreenCanvas', class {})
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('sends the graph once and then only positions and look', () => {
    const { shown, pictures } = showing()
    pictures.ask(graph, new Float32Array([1, 2]), state)
    const worker = FakeWorker.started[0]!
    worker.answer(1, 'first')
    pictures.ask(graph, new Float32Array([3, 4]), state)
    expect(worker.sent.map((message) => message.type)).toEqual(['scene', 'draw', 'draw'])
    expect([...worker.draws()[1]!.positions]).toEqual([3, 4])
    expect(shownNames(shown)).toEqual(['first'])
  })

  it('draws only the newest of the pictures asked for while one is being drawn', () => {
    const { shown, pictures } = showing()
    pictures.ask(graph, new Float32Array([1, 1]), state)
    pictures.ask(graph, new Float32Array([2, 2]), state)
    pictures.ask(graph, new Float32Array([3, 3]), state)
    const worker = FakeWorker.started[0]!
    expect(worker.draws()).toHaveLength(1)
    worker.answer(1, 'first')
    expect(worker.draws()).toHaveLength(2)
    expect([...worker.draws()[1]!.positions]).toEqual([3, 3])
    worker.answer(2, 'newest')
    expect(shownNames(shown)).toEqual(['first', 'newest'])
  })

  it('ends a worker busy with a picture no longer wanted, and starts another for the next', () => {
    const { shown, pictures } = showing()
    pictures.ask(graph, new Float32Array([1, 1]), state)
    const busy = FakeWorker.started[0]!
    pictures.cancel()
    expect(busy.ended).toBe(true)
    pictures.ask(graph, new Float32Array([2, 2]), state)
    const next = FakeWorker.started[1]!
    // A new worker is sent the graph again.
    expect(next.sent.map((message) => message.type)).toEqual(['scene', 'draw'])
    next.answer(next.draws()[0]!.version, 'after the move')
    expect(shownNames(shown)).toEqual(['after the move'])
  })

  it('keeps an idle worker when a move begins', () => {
    const pictures = new RestPictures(
      () => {},
      () => {},
    )
    pictures.ask(graph, new Float32Array([1, 1]), state)
    const worker = FakeWorker.started[0]!
    worker.answer(1, 'shown')
    pictures.cancel()
    expect(worker.ended).toBe(false)
  })

  it('tells the page to draw by itself when the worker cannot draw', () => {
    const unavailable = vi.fn()
    const pictures = new RestPictures(() => {}, unavailable)
    pictures.ask(graph, new Float32Array([1, 1]), state)
    FakeWorker.started[0]!.onmessage?.({ data: { type: 'unavailable', reason: 'no 2D' } })
    expect(unavailable).toHaveBeenCalledOnce()
    expect(pictures.available).toBe(false)
  })

  it('is unavailable where workers cannot draw off the page', () => {
    vi.stubGlobal('OffscreenCanvas', undefined)
    expect(
      new RestPictures(
        () => {},
        () => {},
      ).available,
    ).toBe(false)
  })
})
