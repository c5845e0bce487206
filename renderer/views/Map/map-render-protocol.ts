/**
 * Messages between the map page and the drawing worker (renderer/workers/map-render.worker.ts),
 * which draws big maps in full on an OffscreenCanvas and answers with a picture the page moves
 * and scales under the camera of now. The graph travels once per change, as a slim copy; each
 * drawing then carries only positions (a transferred copy) and what the drawing looks like.
 */
import type { ShownGraph } from '../../../src/graph/shown-graph'
import type { Camera, DrawGraph, MapGroup } from './draw-map'
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
      graph: DrawGraph
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

/** A copy of only what a drawing reads of the shown graph: far less to copy to the worker. */
export function slimGraph(graph: ShownGraph): DrawGraph {
  return {
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      radius: node.radius,
      degree: node.degree,
      entity: { kind: node.entity.kind, name: node.entity.name },
    })),
    edges: graph.edges.map((edge) => ({
      source: edge.source,
      target: edge.target,
      family: edge.family,
      bend: edge.bend,
      directed: edge.directed,
      tie: { strength: edge.tie.strength, sentiment: edge.tie.sentiment },
    })),
  }
}
