/**
 * Erasing a customer completely (the right to erasure), as a pure planner and an applier.
 *
 * `planErase` takes every table and returns what goes and what is rewritten: the entity, its
 * ties, its purchases and consent log, the notes only about them; in the notes about others too,
 * their mentions (and their name written plainly) become a neutral marker (plain text, so no
 * link to a missing entity is left behind) and their id leaves `about`; deleted notes leave the
 * `evidence` of the remaining ties; the trash items that hold them go; saved maps forget their
 * position. `applyErase` writes the plan through one store write, so one confirmation covers it
 * and it stays undoable until the app closes (the undo history lives only in memory).
 */
import type { Entity, Note, RecordOf, TableName, Tie } from '../model/records'
import type { Writer } from '../db/notebook-store'
import type { NotebookTables } from '../io/notebook-file'
import { ENTITY_LINK_PREFIX } from './note-text'

export interface ErasePlan {
  entity: Entity
  deletes: { table: TableName; id: string }[]
  rewrites: { table: TableName; record: RecordOf[TableName] }[]
  counts: {
    entities: number
    ties: number
    notes: number
    purchases: number
    consents: number
    trash: number
    mentions: number
  }
}

export function planErase(
  tables: NotebookTables,
  entityId: string,
  marker: string,
): ErasePlan | undefined {
  const entity = tables.entities.find((candidate) => candidate.id === entityId)
  if (!entity) return undefined
  const deletes: ErasePlan['deletes'] = [{ table: 'entities', id: entityId }]
  const rewrites: ErasePlan['rewrites'] = []
  const traces = (value: unknown) => containsTrace(JSON.stringify(value), entity)

  const ties = tables.ties.filter((tie) => tie.from === entityId || tie.to === entityId)
  const purchases = tables.transactions.filter((purchase) => purchase.customerId === entityId)
  const consents = tables.consents.filter((consent) => consent.entityId === entityId)
  const onlyAbout = tables.notes.filter(
    (note) => note.about.includes(entityId) && note.about.every((id) => id === entityId),
  )
  const removedNotes = new Set(onlyAbout.map((note) => note.id))
  const mentioning = tables.notes.filter((note) => !removedNotes.has(note.id) && traces(note))
  const trash = tables.trash.filter((item) => traces(item))

  deletes.push(...ties.map((tie) => ({ table: 'ties' as const, id: tie.id })))
  deletes.push(
    ...purchases.map((purchase) => ({ table: 'transactions' as const, id: purchase.id })),
  )
  deletes.push(...consents.map((consent) => ({ table: 'consents' as const, id: consent.id })))
  deletes.push(...onlyAbout.map((note) => ({ table: 'notes' as const, id: note.id })))
  deletes.push(...trash.map((item) => ({ table: 'trash' as const, id: item.id })))

  for (const note of mentioning) {
    const rewritten: Note = {
      ...note,
      text: scrubText(note.text, entity, marker),
      about: note.about.filter((id) => id !== entityId),
    }
    rewrites.push({ table: 'notes', record: rewritten })
  }
  const removedTies = new Set(ties.map((tie) => tie.id))
  for (const tie of tables.ties) {
    if (removedTies.has(tie.id)) continue
    const evidence = tie.evidence.filter((id) => !removedNotes.has(id))
    const note = scrubText(tie.note, entity, marker)
    if (evidence.length !== tie.evidence.length || note !== tie.note) {
      rewrites.push({ table: 'ties', record: { ...tie, evidence, note } satisfies Tie })
    }
  }
  // Anything else that still names them (another customer's summary, a map's positions, a
  // segment's rule…) is scrubbed field by field.
  const gone = new Set(deletes.map(({ table, id }) => `${table}/${id}`))
  for (const table of [
    'entities',
    'transactions',
    'consents',
    'maps',
    'segments',
    'decks',
  ] as const) {
    for (const record of tables[table] as RecordOf[typeof table][]) {
      if (gone.has(`${table}/${record.id}`) || !traces(record)) continue
      rewrites.push({ table, record: scrubDeep(record, entity, marker) as RecordOf[typeof table] })
    }
  }
  return {
    entity,
    deletes,
    rewrites,
    counts: {
      entities: 1,
      ties: ties.length,
      notes: onlyAbout.length,
      purchases: purchases.length,
      consents: consents.length,
      trash: trash.length,
      mentions: mentioning.length,
    },
  }
}

export async function applyErase(writer: Writer, plan: ErasePlan): Promise<void> {
  for (const { table, id } of plan.deletes) await writer.delete(table, id)
  for (const { table, record } of plan.rewrites) await writer.put(table, record)
}

/** Whether serialised data still names or points at the entity. */
export function containsTrace(json: string, entity: Entity): boolean {
  return json.includes(entity.id) || nameIn(entity).test(json)
}

/** The entity's name as a whole word (so erasing "Al" leaves "Also" alone), any case. */
function nameIn(entity: Entity, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(entity.name)}(?![\\p{L}\\p{N}])`, flags)
}

/** Replaces mentions of the entity, and its name written plainly, by the marker. */
export function scrubText(text: string, entity: Entity, marker: string): string {
  const mention = new RegExp(
    `\\[@[^\\]]*\\]\\(${escapeRegExp(ENTITY_LINK_PREFIX + entity.id)}\\)`,
    'g',
  )
  return text
    .replace(mention, marker)
    .replace(nameIn(entity, 'giu'), marker)
    .split(entity.id)
    .join('')
}

function scrubDeep(value: unknown, entity: Entity, marker: string): unknown {
  if (typeof value === 'string') return scrubText(value, entity, marker)
  if (Array.isArray(value))
    return value.filter((item) => item !== entity.id).map((item) => scrubDeep(item, entity, marker))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== entity.id)
        .map(([key, inner]) => [key, scrubDeep(inner, entity, marker)]),
    )
  }
  return value
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000

export interface InactiveCustomer {
  entity: Entity
  lastActivity: number
}

/** Customers with no note, purchase, consent or change for `years` years, oldest first. */
export function inactiveCustomers(
  tables: Pick<NotebookTables, 'entities' | 'notes' | 'transactions' | 'consents'>,
  years: number,
  now: number,
): InactiveCustomer[] {
  const last = new Map<string, number>()
  const touch = (id: string, at: number) => last.set(id, Math.max(last.get(id) ?? 0, at))
  for (const entity of tables.entities)
    if (entity.kind === 'customer') touch(entity.id, entity.updatedAt)
  for (const note of tables.notes)
    for (const id of note.about) if (last.has(id)) touch(id, Math.max(note.at, note.updatedAt))
  for (const purchase of tables.transactions)
    if (last.has(purchase.customerId)) touch(purchase.customerId, purchase.at)
  for (const consent of tables.consents)
    if (last.has(consent.entityId)) touch(consent.entityId, consent.at)
  const limit = now - years * YEAR_MS
  return tables.entities
    .filter((entity) => entity.kind === 'customer' && (last.get(entity.id) ?? 0) <= limit)
    .map((entity) => ({ entity, lastActivity: last.get(entity.id) ?? 0 }))
    .sort((a, b) => a.lastActivity - b.lastActivity)
}
