/**
 * Creating, changing and deleting ties between entities. Each function takes the `Writer` of one
 * store write, so several compose into one undoable step.
 *
 * Direction follows `TIE_TYPES`: a directed type keeps `from → to` as given; an undirected one is
 * stored as given too, and readers treat both ends alike. Two ties of different types (or even of
 * the same type) between the same pair are distinct records and are both kept.
 */
import { newId } from '../model/ids'
import type { Tie, TrashItem } from '../model/records'
import { TIE_TYPES } from '../model/vocabulary'
import type { TieType } from '../model/vocabulary'
import type { Writer } from '../db/notebook-store'

export interface NewTie {
  from: string
  to: string
  type: TieType
  strength?: number
  sentiment?: number
  since?: number
  note?: string
  evidence?: string[]
}

export type TiePatch = Partial<Omit<NewTie, 'from' | 'to'>> & { from?: string; to?: string }

export class TieEndpointError extends Error {
  override name = 'TieEndpointError'
  constructor(readonly missing: string) {
    super(`No entity ${missing} to tie`)
  }
}

/** Whether the type has a direction (recommends, uses…) or reads both ways (friend, partners…). */
export function isDirected(type: TieType): boolean {
  return TIE_TYPES[type].directed
}

export async function createTie(writer: Writer, input: NewTie): Promise<Tie> {
  if (input.from === input.to) throw new TieEndpointError(input.from)
  for (const end of [input.from, input.to]) {
    if (!(await writer.get('entities', end))) throw new TieEndpointError(end)
  }
  return writer.put('ties', {
    id: newId(),
    from: input.from,
    to: input.to,
    type: input.type,
    strength: input.strength ?? 3,
    sentiment: input.sentiment ?? 0,
    ...(input.since === undefined ? {} : { since: input.since }),
    note: input.note ?? '',
    evidence: [...new Set(input.evidence ?? [])],
  })
}

export async function updateTie(
  writer: Writer,
  id: string,
  patch: TiePatch,
): Promise<Tie | undefined> {
  const current = await writer.get('ties', id)
  if (!current) return undefined
  const next = { ...current, ...patch }
  if (patch.evidence) next.evidence = [...new Set(patch.evidence)]
  return writer.put('ties', next)
}

/** Swaps the ends of a directed tie (A recommends B ⇄ B recommends A). */
export async function reverseTie(writer: Writer, id: string): Promise<Tie | undefined> {
  const current = await writer.get('ties', id)
  if (!current) return undefined
  return writer.put('ties', { ...current, from: current.to, to: current.from })
}

/** Moves a tie to the trash, as one item that restores it. */
export async function deleteTie(
  writer: Writer,
  id: string,
  label?: string,
): Promise<TrashItem | undefined> {
  const tie = await writer.get('ties', id)
  if (!tie) return undefined
  const item = await writer.put('trash', {
    id: newId(),
    label: (label ?? tie.type).slice(0, 500),
    deletedAt: writer.now,
    records: [{ table: 'ties', value: tie }],
  })
  await writer.delete('ties', id)
  return item
}
