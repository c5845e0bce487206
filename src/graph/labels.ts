/**
 * Label placement that never piles labels up: labels are placed greedily by priority (bigger or
 * chosen nodes first), each trying a few spots around its node, and a spot is taken only when it
 * overlaps no label already placed and no node. Collisions are found with a quadtree of what is
 * placed, so a frame with thousands of nodes stays fast. Pure: screen boxes in, boxes out.
 */
import { quadtree } from 'd3-quadtree'

export interface LabelRequest {
  id: string
  /** The node's centre and radius, in screen pixels. */
  x: number
  y: number
  radius: number
  /** Text box size, in screen pixels. */
  width: number
  height: number
  /** Higher goes first. */
  priority: number
}

export interface PlacedLabel {
  id: string
  /** Top-left of the text box, in screen pixels. */
  x: number
  y: number
  width: number
  height: number
}

interface Box {
  cx: number
  cy: number
  halfWidth: number
  halfHeight: number
}

const GAP = 3

function candidates(label: LabelRequest): { x: number; y: number }[] {
  const { x, y, radius, width, height } = label
  return [
    { x: x + radius + GAP, y: y - height / 2 }, // right
    { x: x - radius - GAP - width, y: y - height / 2 }, // left
    { x: x - width / 2, y: y + radius + GAP }, // below
    { x: x - width / 2, y: y - radius - GAP - height }, // above
  ]
}

function overlaps(a: Box, b: Box): boolean {
  return (
    Math.abs(a.cx - b.cx) < a.halfWidth + b.halfWidth &&
    Math.abs(a.cy - b.cy) < a.halfHeight + b.halfHeight
  )
}

/**
 * Places what fits. `viewport` (when given) drops labels that would be cut by the edges of the
 * screen. Nodes themselves are obstacles too, so a label never covers another node.
 */
export function placeLabels(
  labels: readonly LabelRequest[],
  viewport?: { width: number; height: number },
): PlacedLabel[] {
  const tree = quadtree<Box>()
    .x((box) => box.cx)
    .y((box) => box.cy)
  let maxHalfWidth = 0
  let maxHalfHeight = 0
  const add = (box: Box) => {
    tree.add(box)
    maxHalfWidth = Math.max(maxHalfWidth, box.halfWidth)
    maxHalfHeight = Math.max(maxHalfHeight, box.halfHeight)
  }
  for (const label of labels) {
    add({ cx: label.x, cy: label.y, halfWidth: label.radius, halfHeight: label.radius })
  }
  const collides = (box: Box): boolean => {
    let hit = false
    const x0 = box.cx - box.halfWidth - maxHalfWidth
    const x1 = box.cx + box.halfWidth + maxHalfWidth
    const y0 = box.cy - box.halfHeight - maxHalfHeight
    const y1 = box.cy + box.halfHeight + maxHalfHeight
    tree.visit((node, nx0, ny0, nx1, ny1) => {
      if (hit) return true
      if (!node.length) {
        let leaf: typeof node | undefined = node
        while (leaf && !leaf.length) {
          const other = (leaf as { data: Box }).data
          if (overlaps(box, other)) {
            hit = true
            return true
          }
          leaf = (leaf as { next?: typeof node }).next
        }
      }
      return nx0 > x1 || nx1 < x0 || ny0 > y1 || ny1 < y0
    })
    return hit
  }
  const ordered = [...labels].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
  const placed: PlacedLabel[] = []
  // A label's own node is an obstacle for the others but not for itself: shrink it away by
  // testing against boxes that start just outside the node (candidates are outside it already).
  for (const label of ordered) {
    for (const spot of candidates(label)) {
      if (
        viewport &&
        (spot.x < 0 ||
          spot.y < 0 ||
          spot.x + label.width > viewport.width ||
          spot.y + label.height > viewport.height)
      ) {
        continue
      }
      const box: Box = {
        cx: spot.x + label.width / 2,
        cy: spot.y + label.height / 2,
        halfWidth: label.width / 2,
        halfHeight: label.height / 2,
      }
      if (collides(box)) continue
      add(box)
      placed.push({ id: label.id, x: spot.x, y: spot.y, width: label.width, height: label.height })
      break
    }
  }
  return placed
}

/** Whether two placed labels overlap (for tests and checks). */
export function labelsOverlap(a: PlacedLabel, b: PlacedLabel): boolean {
  return overlaps(
    {
      cx: a.x + a.width / 2,
      cy: a.y + a.height / 2,
      halfWidth: a.width / 2,
      halfHeight: a.height / 2,
    },
    {
      cx: b.x + b.width / 2,
      cy: b.y + b.height / 2,
      halfWidth: b.width / 2,
      halfHeight: b.height / 2,
    },
  )
}
