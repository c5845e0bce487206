/**
 * Saved maps: a named view of the ecosystem (its filters, where each entry sits and which are
 * pinned, and the camera), stored in the `maps` table so it reopens exactly as it was left.
 */
import { readMapFilters } from '../graph/shown-graph'
import type { MapFilters } from '../graph/shown-graph'
import { newId } from '../model/ids'
import type { SavedMap, TrashItem } from '../model/records'
import type { Writer } from '../db/notebook-store'

export interface MapPosition {
  x: number
  y: number
  pinned: boolean
}

export interface MapView {
  filters: MapFilters
  positions: Record<string, MapPosition>
  /** The camera, with x and y measured from the centre of the map's frame. */
  camera: { x: number; y: number; k: number }
}

/** The view a saved map holds, repaired where it does not fit. */
export function viewOfMap(map: SavedMap): MapView {
  const positions: Record<string, MapPosition> = {}
  for (const [id, position] of Object.entries(map.positions)) {
    if (Number.isFinite(position.x) && Number.isFinite(position.y)) positions[id] = { ...position }
  }
  return { filters: readMapFilters(map.filters), positions, camera: { ...map.camera } }
}

function stored(view: MapView): Pick<SavedMap, 'filters' | 'positions' | 'camera' | 'style'> {
  const positions: SavedMap['positions'] = {}
  for (const [id, { x, y, pinned }] of Object.entries(view.positions)) {
    // Rounded to a hundredth of a unit: exact enough, and a smaller file.
    positions[id] = { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100, pinned }
  }
  return { filters: { ...view.filters }, positions, camera: { ...view.camera }, style: {} }
}

/** Saves a view as a new map, or over an existing one when `id` is given. */
export async function saveMap(
  writer: Writer,
  input: { id?: string; name: string; view: MapView },
): Promise<SavedMap> {
  const existing = input.id ? await writer.get('maps', input.id) : undefined
  return writer.put('maps', {
    ...(existing ?? {}),
    id: input.id ?? newId(),
    name: input.name.trim(),
    ...stored(input.view),
  })
}

export async function duplicateMap(
  writer: Writer,
  id: string,
  name: string,
): Promise<SavedMap | undefined> {
  const map = await writer.get('maps', id)
  if (!map) return undefined
  return writer.put('maps', { ...map, id: newId(), name: name.trim(), createdAt: writer.now })
}

export async function trashMap(writer: Writer, id: string): Promise<TrashItem | undefined> {
  const map = await writer.get('maps', id)
  if (!map) return undefined
  const item = await writer.put('trash', {
    id: newId(),
    label: map.name,
    deletedAt: writer.now,
    records: [{ table: 'maps', value: map }],
  })
  await writer.delete('maps', id)
  return item
}
