/**
 * The `@` of a note being typed: where the mention starts, and which entities it may name.
 * Matching is accent- and case-insensitive, on the start of the name or of any of its words.
 */
import type { Entity } from '../model/records'

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
}

// An `@` after a space, a line start or opening punctuation, followed by up to 40 characters
// on the same line (a name may have a few words), with no brackets so a finished link is left.
const MENTION_QUERY = /(^|[\s([{"'«“])@([^\s@[\]()][^@[\]()\n]{0,39})?$/u
const MAX_WORDS = 3

export interface MentionQuery {
  /** Index of the `@` in the text. */
  start: number
  /** What follows the `@` up to the caret. */
  query: string
}

export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const match = MENTION_QUERY.exec(text.slice(0, caret))
  if (!match) return null
  const query = match[2] ?? ''
  if (query.trim().split(/\s+/).length > MAX_WORDS) return null
  return { start: caret - query.length - 1, query }
}

export type EntityName = Pick<Entity, 'id' | 'name' | 'kind'>

/** Entities whose name or one of its words starts with `query`: customers first, then by name. */
export function matchEntities<T extends EntityName>(
  entities: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const needle = foldText(query.trim())
  const scored = entities.flatMap((entity) => {
    const name = foldText(entity.name)
    if (name.startsWith(needle)) return [{ entity, rank: 0 }]
    const words = name.split(/[\s\-'’.]+/)
    return words.some((word) => word.startsWith(needle)) ? [{ entity, rank: 1 }] : []
  })
  return scored
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(b.entity.kind === 'customer') - Number(a.entity.kind === 'customer') ||
        a.entity.name.localeCompare(b.entity.name),
    )
    .slice(0, limit)
    .map(({ entity }) => entity)
}
