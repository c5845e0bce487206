/**
 * Creating, changing and deleting entities (customers and every other node of the ecosystem).
 * Each function takes the `Writer` of one store write, so callers compose several in one
 * transaction and undo covers them all.
 */
import { newId } from '../model/ids'
import type { Entity, Tie, TrashItem } from '../model/records'
import type { EntityKind } from '../model/vocabulary'
import type { Draft, Writer } from '../db/notebook-store'

export interface NewEntity {
  kind: EntityKind
  name: string
  tags?: string[]
  summary?: string
  side?: Entity['side']
  placeMode?: Entity['placeMode']
  contact?: Entity['contact']
}

export async function createEntity(writer: Writer, input: NewEntity): Promise<Entity> {
  const draft: Draft<'entities'> = {
    id: newId(),
    kind: input.kind,
    name: input.name.trim(),
    tags: normaliseTags(input.tags ?? []),
    summary: input.summary ?? '',
  }
  if (input.kind === 'product') draft.side = input.side ?? 'ours'
  if (input.kind === 'place') draft.placeMode = input.placeMode ?? 'physical'
  if (input.contact) draft.contact = input.contact
  return writer.put('entities', draft)
}

export async function renameEntity(writer: Writer, id: string, name: string): Promise<Entity | undefined> {
  return writer.update('entities', id, { name: name.trim() })
}

/** Tags are lowercase words without the leading `#`, each once. */
export function normaliseTags(tags: readonly string[]): string[] {
  const cleaned = tags.map((tag) => tag.trim().replace(/^#+/, '').toLocaleLowerCase()).filter((tag) => tag !== '')
  return [...new Set(cleaned)]
}

/** The ties that start or end at an entity. */
export async function tiesOf(writer: Writer, entityId: string): Promise<Tie[]> {
  const [outgoing, incoming] = await Promise.all([
    writer.db.ties.where('from').equals(entityId).toArray(),
    writer.db.ties.where('to').equals(entityId).toArray(),
  ])
  const byId = new Map([...outgoing, ...incoming].map((tie) => [tie.id, tie]))
  return [...byId.values()]
}

/**
 * Moves an entity and its ties to the trash, as one item that restores them together. Notes
 * that mention the entity are kept: they are about other things too.
 */
export async function trashEntity(writer: Writer, id: string): Promise<TrashItem | undefined> {
  const entity = await writer.get('entities', id)
  if (!entity) return undefined
  const ties = await tiesOf(writer, id)
  const item = await writer.put('trash', {
    id: newId(),
    label: entity.name,
    deletedAt: writer.now,
    records: [
      { table: 'entities', value: entity },
      ...ties.map((tie) => ({ table: 'ties', value: tie })),
    ],
  })
  for (const tie of ties) await writer.delete('ties', tie.id)
  await writer.delete('entities', id)
  return item
}
