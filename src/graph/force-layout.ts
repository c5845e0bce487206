/**
 * The force layout of a map, as a steppable object around d3-force (which needs no DOM). The
 * layout worker drives it; tests drive it directly. Nodes are addressed by index; positions go
 * out as one flat Float32Array [x0, y0, x1, y1…] so they can be transferred without copying.
 * Pinned nodes stay exactly where they are put (d3's fx/fy).
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force'
import type { Simulation, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force'
import { forceManyBodyArrays } from './many-body'

export interface LayoutNode extends SimulationNodeDatum {
  index: number
  radius: number
}

export interface LayoutInput {
  /** One radius per node. */
  radii: ArrayLike<number>
  /** Pairs of node indexes: [source0, target0, source1, target1…]. */
  links: ArrayLike<number>
  /** Starting positions [x, y…]; NaN where unknown (then placed around the centre). */
  initial?: ArrayLike<number>
  /** 1 where the node is pinned at its initial position. */
  pinned?: ArrayLike<number>
  /** Link strengths (tie strength 1–5), one per link. */
  weights?: ArrayLike<number>
  /**
   * A group index per node (−1: none), when groups (communities) are drawn: members gather
   * around their group's anchor (`groupAnchors`) so each group's hull stays apart from the others.
   */
  groups?: ArrayLike<number>
}

/**
 * Where each group gathers: points evenly spread on a circle wide enough for the map, so the
 * groups' hulls stand apart. Nodes of no group stay drawn toward the centre.
 */
export function groupAnchors(groups: ArrayLike<number>, count: number): Float32Array {
  let groupCount = 0
  for (let i = 0; i < groups.length; i++) groupCount = Math.max(groupCount, (groups[i] ?? -1) + 1)
  const radius = groupCount > 1 ? 45 * Math.sqrt(count) : 0
  const anchors = new Float32Array(groupCount * 2)
  for (let g = 0; g < groupCount; g++) {
    const angle = (g / groupCount) * 2 * Math.PI - Math.PI / 2
    anchors[g * 2] = radius * Math.cos(angle)
    anchors[g * 2 + 1] = radius * Math.sin(angle)
  }
  return anchors
}

export class ForceLayout {
  readonly nodes: LayoutNode[]
  private readonly simulation: Simulation<LayoutNode, SimulationLinkDatum<LayoutNode>>

  constructor(input: LayoutInput) {
    const count = input.radii.length
    const large = count > 1500
    this.nodes = Array.from({ length: count }, (_, index): LayoutNode => {
      const x = input.initial?.[index * 2]
      const y = input.initial?.[index * 2 + 1]
      const node: LayoutNode = { index, radius: input.radii[index] ?? 8 }
      if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
        node.x = x
        node.y = y
        if (input.pinned?.[index]) {
          node.fx = x
          node.fy = y
        }
      }
      return node
    })
    const links: SimulationLinkDatum<LayoutNode>[] = []
    for (let i = 0; i + 1 < input.links.length; i += 2) {
      links.push({ source: input.links[i]!, target: input.links[i + 1]!, index: i / 2 })
    }
    const degree = new Array<number>(count).fill(0)
    for (let i = 0; i < input.links.length; i++) {
      const end = input.links[i]!
      degree[end] = (degree[end] ?? 0) + 1
    }
    const weight = (link: SimulationLinkDatum<LayoutNode>) => input.weights?.[link.index ?? 0] ?? 3
    // Everyone is drawn gently toward the centre; members of a drawn group, more firmly toward
    // their group's anchor.
    const groups = input.groups
    const anchors = groups ? groupAnchors(groups, count) : null
    const groupOf = (node: LayoutNode) => groups?.[node.index] ?? -1
    const anchor = (node: LayoutNode, axis: 0 | 1) => {
      const group = groupOf(node)
      return anchors && group >= 0 ? (anchors[group * 2 + axis] ?? 0) : 0
    }
    const pull = (node: LayoutNode) => (groupOf(node) >= 0 ? 0.15 : 0.04)
    this.simulation = forceSimulation(this.nodes)
      .force(
        'link',
        forceLink<LayoutNode, SimulationLinkDatum<LayoutNode>>(links)
          .distance((link) => 95 - weight(link) * 7)
          .strength((link) => {
            const source = link.source as LayoutNode
            const target = link.target as LayoutNode
            const ends = Math.min(degree[source.index] ?? 1, degree[target.index] ?? 1)
            return (0.3 + weight(link) * 0.1) / Math.max(1, ends)
          }),
      )
      .force(
        'charge',
        // No distanceMax on large maps: d3's Barnes–Hut walk cannot stop at a far cell that is
        // beyond the limit, it visits its children instead, so a limit makes each step slower
        // (68 against 29 ms for 5,000 entries) and lets entries pile up. The same force on typed
        // arrays takes 7 ms a step there.
        large
          ? forceManyBodyArrays<LayoutNode>().strength(-40).theta(1.2)
          : forceManyBody<LayoutNode>().strength(-300).theta(0.9).distanceMax(900),
      )
      .force(
        'collide',
        large ? null : forceCollide<LayoutNode>((node) => node.radius + 6).iterations(2),
      )
      .force('x', forceX<LayoutNode>((node) => anchor(node, 0)).strength(pull))
      .force('y', forceY<LayoutNode>((node) => anchor(node, 1)).strength(pull))
      .alphaDecay(large ? 0.05 : 0.0228)
      .stop()
  }

  get alpha(): number {
    return this.simulation.alpha()
  }

  get settled(): boolean {
    return this.simulation.alpha() < this.simulation.alphaMin()
  }

  /** Runs `ticks` steps (fewer when it settles first). */
  step(ticks = 1): void {
    for (let i = 0; i < ticks && !this.settled; i++) this.simulation.tick()
  }

  /** Pins a node at a point (dragging or placing by hand), or frees it with null. */
  pin(index: number, point: { x: number; y: number } | null): void {
    const node = this.nodes[index]
    if (!node) return
    if (point) {
      node.x = point.x
      node.y = point.y
      node.fx = point.x
      node.fy = point.y
    } else {
      node.fx = null
      node.fy = null
    }
  }

  /** Wakes the layout up after a change, so it moves again for a while. */
  reheat(alpha = 0.3): void {
    this.simulation.alpha(Math.max(this.simulation.alpha(), alpha))
  }

  /** Positions as [x0, y0, x1, y1…], a new array each time (safe to transfer). */
  positions(): Float32Array {
    const out = new Float32Array(this.nodes.length * 2)
    this.nodes.forEach((node, index) => {
      out[index * 2] = node.x ?? 0
      out[index * 2 + 1] = node.y ?? 0
    })
    return out
  }
}
