/**
 * The attributes GraphML and GEXF files carry for each entry and tie, declared once so the two
 * writers and the reader agree. Contact details (phones, emails, addresses) are deliberately not
 * exported: a graph file goes to Gephi or to a client, and the people in it did not agree to that.
 */
import type { Entity, Tie } from '../model/records'
import { TIE_TYPES } from '../model/vocabulary'

export type AttributeType = 'string' | 'boolean' | 'int' | 'double'

export interface Attribute<R> {
  /** The id/name in the file. */
  name: string
  type: AttributeType
  /** The value as written, or undefined to leave it out. */
  write(record: R): string | undefined
}

const iso = (epoch: number | undefined) =>
  epoch === undefined ? undefined : new Date(epoch).toISOString()

export const NODE_ATTRIBUTES: Attribute<Entity>[] = [
  { name: 'kind', type: 'string', write: (entity) => entity.kind },
  { name: 'tags', type: 'string', write: (entity) => JSON.stringify(entity.tags) },
  { name: 'summary', type: 'string', write: (entity) => entity.summary || undefined },
  { name: 'side', type: 'string', write: (entity) => entity.side },
  { name: 'placeMode', type: 'string', write: (entity) => entity.placeMode },
  { name: 'stage', type: 'string', write: (entity) => entity.stage },
  { name: 'created', type: 'string', write: (entity) => iso(entity.createdAt) },
  { name: 'updated', type: 'string', write: (entity) => iso(entity.updatedAt) },
]

export const EDGE_ATTRIBUTES: Attribute<Tie>[] = [
  { name: 'type', type: 'string', write: (tie) => tie.type },
  { name: 'family', type: 'string', write: (tie) => TIE_TYPES[tie.type].family },
  { name: 'directed', type: 'boolean', write: (tie) => String(TIE_TYPES[tie.type].directed) },
  { name: 'weight', type: 'double', write: (tie) => String(tie.strength) },
  { name: 'sentiment', type: 'int', write: (tie) => String(tie.sentiment) },
  { name: 'since', type: 'string', write: (tie) => iso(tie.since) },
  { name: 'note', type: 'string', write: (tie) => tie.note || undefined },
  {
    name: 'evidence',
    type: 'string',
    write: (tie) => (tie.evidence.length ? JSON.stringify(tie.evidence) : undefined),
  },
  { name: 'created', type: 'string', write: (tie) => iso(tie.createdAt) },
  { name: 'updated', type: 'string', write: (tie) => iso(tie.updatedAt) },
]

export interface GraphExport {
  entities: readonly Entity[]
  ties: readonly Tie[]
  /** Where each entry sits on the map (map units), for tools that read positions. */
  positions?: ReadonlyMap<string, { x: number; y: number }>
  /** When the file is written (epoch ms). */
  now: number
}
