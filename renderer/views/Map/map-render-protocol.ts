/**
 * Messages between the map page and the drawing worker (renderer/workers/map-render.worker.ts),
 * which draws big maps in full on an OffscreenCanvas and answers with a picture the page moves
 * and scales under the camera of now. The graph travels once per change, packed in columns; each
 * drawing then carries only positions (a transferred copy) and what the drawing looks like.
 */
import type { ShownGraph } from '../../../src/graph/shown-graph'
import { ENTITY_KINDS, TIE_FAMILIES } from '../../../src/model/vocabulary'
import type { Camera, DrawEdge, DrawGraph, DrawNode, MapGroup } from './draw-map'
import type { Theme } from './map-style'

/** What a drawing shows besides the graph and the positions. */
export interface RenderState {
  camera: Camera
  /** CSS pixels. */
  width: number
  height: number
  /** Device pixels per CSS pixel: the picture is this much bigger than width × height. */
  ratio: number
  theme: Theme
  hovered: string | null
  selected: string | null
  focused: string | null
  /** Ids kept bright (a Set does not need to be rebuilt by the worker from a list). */
  highlight: string[] | null
  editing: string | null
}

export type MapRenderRequest =
  | {
      type: 'scene'
      /** Increases with every scene; drawings name the scene they are for. */
      scene: number
      graph: PackedGraph
      groups: readonly MapGroup[]
    }
  | {
      type: 'draw'
      /** Increases with every drawing asked for; the answer carries it. */
      version: number
      scene: number
      /** [x0, y0, x1, y1…] in map units, one pair per node of the scene's graph. */
      positions: Float32Array
      state: RenderState
    }
  | {
      /** The map was left: the worker forgets its graph and waits for the next one. */
      type: 'release'
    }

export type MapRenderReply =
  | {
      type: 'drawn'
      version: number
      /** The scene it was asked for. */
      scene: number
      /** The picture, transferred: the page closes it when a newer one replaces it. */
      bitmap: ImageBitmap
      /** The camera and device pixel ratio it was drawn for, to move and scale it to now. */
      camera: Camera
      ratio: number
      /** Milliseconds spent drawing in the worker. */
      drawMs: number
    }
  | {
      /**
       * A drawing left undone (replaced by a newer one, or for a graph no longer shown): the
       * page learns it is no longer in flight.
       */
      type: 'skipped'
      version: number
      scene: number
    }
  | {
      /** This worker cannot draw (no OffscreenCanvas 2D): the page draws by itself. */
      type: 'unavailable'
      reason: string
    }

/**
 * What a drawing reads of the shown graph, in columns: ids and names as two lists of strings, the
 * rest as typed arrays, the ties' ends as places in the list of nodes. Thousands of small objects
 * took longer to copy to the worker (and to read there) than the picture took to draw: at 5,000
 * entries and 20,000 ties, a tenth of a second on each side before the drawing could start. The
 * typed arrays are transferred, not copied (`packedTransfer`).
 */
export interface PackedGraph {
  ids: string[]
  names: string[]
  /** Index in ENTITY_KINDS. */
  kinds: Uint8Array
  radius: Float64Array
  degree: Int32Array
  /** [source, target] per edge, as indices in `ids`. */
  ends: Int32Array
  /** Index in TIE_FAMILIES. */
  family: Uint8Array
  bend: Int32Array
  directed: Uint8Array
  strength: Float64Array
  sentiment: Float64Array
}

export function packGraph(graph: ShownGraph): PackedGraph {
  const { nodes, edges } = graph
  const kindCode = new Map(ENTITY_KINDS.map((kind, code) => [kind, code]))
  const familyCode = new Map(TIE_FAMILIES.map((family, code) => [family, code]))
  const index = new Map<string, number>()
  const packed: PackedGraph = {
    ids: new Array<string>(nodes.length),
    names: new Array<string>(nodes.length),
    kinds: new Uint8Array(nodes.length),
    radius: new Float64Array(nodes.length),
    degree: new Int32Array(nodes.length),
    ends: new Int32Array(edges.length * 2),
    family: new Uint8Array(edges.length),
    bend: new Int32Array(edges.length),
    directed: new Uint8Array(edges.length),
    strength: new Float64Array(edges.length),
    sentiment: new Float64Array(edges.length),
  }
  nodes.forEach((node, i) => {
    index.set(node.id, i)
    packed.ids[i] = node.id
    packed.names[i] = node.entity.name
    packed.kinds[i] = kindCode.get(node.entity.kind)!
    packed.radius[i] = node.radius
    packed.degree[i] = node.degree
  })
  edges.forEach((edge, e) => {
    // An edge always joins two shown nodes (buildShownGraph); -1 would be drawn as nothing.
    packed.ends[e * 2] = index.get(edge.source) ?? -1
    packed.ends[e * 2 + 1] = index.get(edge.target) ?? -1
    packed.family[e] = familyCode.get(edge.family)!
    packed.bend[e] = edge.bend
    packed.directed[e] = edge.directed ? 1 : 0
    packed.strength[e] = edge.tie.strength
    packed.sentiment[e] = edge.tie.sentiment
  })
  return packed
}

/** The buffers of a packed graph, to transfer with it (the page keeps no use for them). */
export function packedTransfer(packed: PackedGraph): ArrayBuffer[] {
  return [
    packed.kinds,
    packed.radius,
    packed.degree,
    packed.ends,
    packed.family,
    packed.bend,
    packed.directed,
    packed.strength,
    packed.sentiment,
  ].map((column) => column.buffer as ArrayBuffer)
}

/** The graph a drawing reads, from its columns (in the worker). */
export function unpackGraph(packed: PackedGraph): DrawGraph {
  const nodes = packed.ids.map(
    (id, i): DrawNode => ({
      id,
      radius: packed.radius[i]!,
      degree: packed.degree[i]!,
      entity: { kind: ENTITY_KINDS[packed.kinds[i]!]!, name: packed.names[i]! },
    }),
  )
  const edges: DrawEdge[] = []
  for (let e = 0; e < packed.family.length; e++) {
    const source = packed.ids[packed.ends[e * 2]!]
    const target = packed.ids[packed.ends[e * 2 + 1]!]
    if (source === undefined || target === undefined) continue
    edges.push({
      source,
      target,
      family: TIE_FAMILIES[packed.family[e]!]!,
      bend: packed.bend[e]!,
      directed: packed.directed[e] === 1,
      tie: { strength: packed.strength[e]!, sentiment: packed.sentiment[e]! },
    })
  }
  return { nodes, edges }
}
