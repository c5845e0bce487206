/**
 * Full pictures of a big map slide at rest, drawn by the map's drawing worker
 * (renderer/workers/map-render.worker.ts) instead of on the page. At the presentation's type
 * scale a full drawing of 2,000 entries takes most of a second; on the page it froze the slide,
 * and everything else, at the end of every move. The slide shows its last frame in motion until
 * the picture comes.
 *
 * One worker per slide map, started with the first picture asked for. Only the newest picture
 * matters (LatestWins). A move that begins while a picture is being drawn makes that picture
 * useless: the worker is ended at once, so that its core goes back to the move's frames, and a
 * new one starts with the next picture asked for.
 */
import type { ShownGraph } from '../../../src/graph/shown-graph'
import { LatestWins } from '../Map/latest-wins'
import { packGraph, packedTransfer } from '../Map/map-render-protocol'
import type { MapRenderReply, MapRenderRequest, RenderState } from '../Map/map-render-protocol'

export interface RestPicture {
  bitmap: ImageBitmap
  /** Milliseconds the worker spent drawing it. */
  drawMs: number
}

interface Wanted {
  graph: ShownGraph
  positions: Float32Array
  state: RenderState
}

export class RestPictures {
  private worker: Worker | null = null
  private broken = typeof OffscreenCanvas === 'undefined' || typeof Worker === 'undefined'
  /** The graph the worker holds, and its scene number. */
  private graph: ShownGraph | null = null
  private scene = 0
  private readonly drawings = new LatestWins()
  /** The newest picture asked for and not yet sent to the worker. */
  private wanted: Wanted | null = null

  /**
   * `onPicture` receives each picture to show and owns it (closes it). `onUnavailable` is told
   * when a started worker turns out unable to draw; the page then draws its pictures itself.
   */
  constructor(
    private readonly onPicture: (picture: RestPicture) => void,
    private readonly onUnavailable: () => void,
  ) {}

  /** Whether pictures can be drawn off the page. */
  get available(): boolean {
    return !this.broken
  }

  /** Asks for a picture of the graph at these positions (copied) and this look. */
  ask(graph: ShownGraph, positions: Float32Array, state: RenderState): void {
    if (this.broken) return
    this.wanted = { graph, positions: positions.slice(), state }
    const version = this.drawings.change()
    if (version !== null) this.send(version)
  }

  /** Whatever was asked for is no longer wanted (a move began). */
  cancel(): void {
    this.wanted = null
    if (this.drawings.busy) this.end()
    this.drawings.forget()
  }

  close(): void {
    this.cancel()
    this.end()
  }

  private send(version: number): void {
    const wanted = this.wanted
    this.wanted = null
    const worker = this.start()
    if (!worker || !wanted) {
      this.drawings.forget()
      return
    }
    if (wanted.graph !== this.graph) {
      this.graph = wanted.graph
      this.scene += 1
      const packed = packGraph(wanted.graph)
      worker.postMessage(
        {
          type: 'scene',
          scene: this.scene,
          graph: packed,
          groups: [],
        } satisfies MapRenderRequest,
        packedTransfer(packed),
      )
    }
    const request: MapRenderRequest = {
      type: 'draw',
      version,
      scene: this.scene,
      positions: wanted.positions,
      state: wanted.state,
    }
    worker.postMessage(request, [wanted.positions.buffer])
  }

  private receive(reply: MapRenderReply): void {
    if (reply.type === 'unavailable') {
      this.broken = true
      this.close()
      this.onUnavailable()
      return
    }
    const { show, next } = this.drawings.answer(reply.version)
    if (reply.type === 'drawn') {
      if (show) this.onPicture({ bitmap: reply.bitmap, drawMs: reply.drawMs })
      else reply.bitmap.close()
    }
    if (next !== null) this.send(next)
  }

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker
    try {
      const worker = new Worker(new URL('../../workers/map-render.worker.ts', import.meta.url), {
        type: 'module',
      })
      worker.onmessage = (event: MessageEvent<MapRenderReply>) => this.receive(event.data)
      worker.onerror = () => this.receive({ type: 'unavailable', reason: 'worker error' })
      this.worker = worker
      // A new worker holds no graph yet.
      this.graph = null
      return worker
    } catch {
      // Told by `available`, read right after asking.
      this.broken = true
      return null
    }
  }

  private end(): void {
    const worker = this.worker
    this.worker = null
    this.graph = null
    if (!worker) return
    worker.onmessage = null
    worker.onerror = null
    worker.terminate()
  }
}
