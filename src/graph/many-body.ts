/**
 * The many-body force of a big map's layout: every entry pushes every other away, approximated
 * with a Barnes–Hut quadtree, as d3's forceManyBody does and with the same arithmetic, but with
 * the tree kept in typed arrays that are reused from one step to the next. d3's tree allocates an
 * object per cell and per visit; at 5,000 entries this one is several times faster, which is most
 * of a layout's time.
 *
 * Only a constant strength is supported (the map uses one), and no distance limit.
 */
import type { SimulationNodeDatum } from 'd3-force'

export interface ManyBodyForce<N extends SimulationNodeDatum> {
  (alpha: number): void
  initialize(nodes: N[], random: () => number): void
  /** Negative pushes apart, positive pulls together (d3's default is −30). */
  strength(value: number): ManyBodyForce<N>
  /** The Barnes–Hut criterion: a cell this many times farther than its width counts as one body. */
  theta(value: number): ManyBodyForce<N>
}

/** Past this depth, points that still share a cell are treated as one spot (d3 does the same). */
const MAX_DEPTH = 48

export function forceManyBodyArrays<N extends SimulationNodeDatum>(): ManyBodyForce<N> {
  let nodes: N[] = []
  let random: () => number = Math.random
  let strength = -30
  let theta2 = 0.81

  // Cells: children (4 per cell, 0 = none, else cell + 1), the first point of a leaf (−1 for an
  // inner cell), the number of points under the cell, their centroid and the cell's width.
  let capacity = 0
  let children = new Int32Array(0)
  let first = new Int32Array(0)
  let count = new Float64Array(0)
  let centreX = new Float64Array(0)
  let centreY = new Float64Array(0)
  let width = new Float64Array(0)
  let cells = 0
  /** Points sharing a leaf, chained: the next point, or −1. */
  let next = new Int32Array(0)
  let stack = new Int32Array(0)

  function grow(): void {
    const size = Math.max(64, capacity * 2)
    const grown = (old: Int32Array, length: number) => {
      const array = new Int32Array(length)
      array.set(old)
      return array
    }
    const grownFloat = (old: Float64Array) => {
      const array = new Float64Array(size)
      array.set(old)
      return array
    }
    children = grown(children, size * 4)
    first = grown(first, size)
    count = grownFloat(count)
    centreX = grownFloat(centreX)
    centreY = grownFloat(centreY)
    width = grownFloat(width)
    capacity = size
  }

  function newCell(cellWidth: number, point: number): number {
    if (cells === capacity) grow()
    const cell = cells++
    children.fill(0, cell * 4, cell * 4 + 4)
    first[cell] = point
    width[cell] = cellWidth
    return cell
  }

  function build(): void {
    const n = nodes.length
    let x0 = Infinity
    let y0 = Infinity
    let x1 = -Infinity
    let y1 = -Infinity
    for (const node of nodes) {
      const x = node.x!
      const y = node.y!
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
    }
    const size = Math.max(x1 - x0, y1 - y0, 1)
    cells = 0
    if (next.length < n) next = new Int32Array(n)
    const root = newCell(size, -1)
    first[root] = -2 // empty leaf
    for (let i = 0; i < n; i++) {
      next[i] = -1
      const x = nodes[i]!.x!
      const y = nodes[i]!.y!
      let cell = root
      let left = x0
      let top = y0
      let cellWidth = size
      let depth = 0
      for (;;) {
        const point = first[cell]!
        if (point === -2) {
          first[cell] = i
          break
        }
        if (point >= 0) {
          const other = nodes[point]!
          if ((other.x === x && other.y === y) || depth >= MAX_DEPTH) {
            next[i] = next[point]!
            next[point] = i
            break
          }
          // Split the leaf: its point goes one level down, then this one is placed again.
          first[cell] = -1
          const half = cellWidth / 2
          const quadrant = (other.x! >= left + half ? 1 : 0) + (other.y! >= top + half ? 2 : 0)
          const child = newCell(half, point)
          children[cell * 4 + quadrant] = child + 1
        }
        const half = cellWidth / 2
        const right = x >= left + half
        const bottom = y >= top + half
        const quadrant = (right ? 1 : 0) + (bottom ? 2 : 0)
        if (right) left += half
        if (bottom) top += half
        cellWidth = half
        depth++
        const child = children[cell * 4 + quadrant]!
        if (child === 0) {
          // Made first: making a cell may grow (replace) the arrays written to here.
          const leaf = newCell(half, i)
          children[cell * 4 + quadrant] = leaf + 1
          break
        }
        cell = child - 1
      }
    }
    // Children are always made after their parent: from the last cell back, every child is summed
    // before its parent.
    for (let cell = cells - 1; cell >= 0; cell--) {
      let total = 0
      let sumX = 0
      let sumY = 0
      const point = first[cell]!
      if (point >= 0) {
        for (let p = point; p >= 0; p = next[p]!) {
          total++
          sumX += nodes[p]!.x!
          sumY += nodes[p]!.y!
        }
      } else {
        for (let q = 0; q < 4; q++) {
          const child = children[cell * 4 + q]!
          if (child === 0) continue
          const weight = count[child - 1]!
          total += weight
          sumX += centreX[child - 1]! * weight
          sumY += centreY[child - 1]! * weight
        }
      }
      count[cell] = total
      centreX[cell] = total > 0 ? sumX / total : 0
      centreY[cell] = total > 0 ? sumY / total : 0
    }
    if (stack.length < cells * 4 + 4) stack = new Int32Array(cells * 4 + 4)
  }

  const jiggle = () => (random() - 0.5) * 1e-6

  function force(alpha: number): void {
    if (nodes.length === 0) return
    build()
    const pull = strength * alpha
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!
      const x = node.x!
      const y = node.y!
      let vx = 0
      let vy = 0
      let top = 0
      stack[top++] = 0
      while (top > 0) {
        const cell = stack[--top]!
        const weight = count[cell]!
        if (weight === 0) continue
        let dx = centreX[cell]! - x
        let dy = centreY[cell]! - y
        let l = dx * dx + dy * dy
        const w = width[cell]!
        if ((w * w) / theta2 < l) {
          // Far enough: the whole cell pushes as one body at its centroid.
          if (dx === 0) {
            dx = jiggle()
            l += dx * dx
          }
          if (dy === 0) {
            dy = jiggle()
            l += dy * dy
          }
          if (l < 1) l = Math.sqrt(l)
          const push = (pull * weight) / l
          vx += dx * push
          vy += dy * push
          continue
        }
        const point = first[cell]!
        if (point < 0) {
          for (let q = 0; q < 4; q++) {
            const child = children[cell * 4 + q]!
            if (child !== 0) stack[top++] = child - 1
          }
          continue
        }
        // A near leaf: each of its points on its own, except this node.
        if (point !== i || next[point]! >= 0) {
          if (dx === 0) {
            dx = jiggle()
            l += dx * dx
          }
          if (dy === 0) {
            dy = jiggle()
            l += dy * dy
          }
          if (l < 1) l = Math.sqrt(l)
        }
        for (let p = point; p >= 0; p = next[p]!) {
          if (p === i) continue
          const push = pull / l
          vx += dx * push
          vy += dy * push
        }
      }
      node.vx = (node.vx ?? 0) + vx
      node.vy = (node.vy ?? 0) + vy
    }
  }

  force.initialize = (newNodes: N[], newRandom: () => number) => {
    nodes = newNodes
    random = newRandom
  }
  force.strength = (value: number) => {
    strength = value
    return force
  }
  force.theta = (value: number) => {
    theta2 = value * value
    return force
  }
  return force
}
