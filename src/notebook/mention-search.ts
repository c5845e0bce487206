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

/** An entity as mentions match it: its name folded and cut into words, once. */
export interface MentionCandidate<T extends EntityName = EntityName> {
  entity: T
  folded: string
  words: string[]
}

/**
 * Folds the names once, so that each keystroke after an `@` only compares: folding 20,000 names
 * takes tens of milliseconds, too long to spend on every letter typed.
 */
export function mentionCandidates<T extends EntityName>(
  entities: readonly T[],
): MentionCandidate<T>[] {
  return entities.map((entity) => {
    const folded = foldText(entity.name)
    return { entity, folded, words: folded.split(/[\s\-'’.]+/) }
  })
}

/** Entities whose name or one of its words starts with `query`: customers first, then by name. */
export function matchEntities<T extends EntityName>(
  entities: readonly T[],
  query: string,
  limit = 8,
): T[] {
  return matchCandidates(mentionCandidates(entities), query, limit)
}

const names = new Intl.Collator()

/** `matchEntities` on names folded beforehand. */
export function matchCandidates<T extends EntityName>(
  candidates: readonly MentionCandidate<T>[],
  query: string,
  limit = 8,
): T[] {
  if (limit <= 0) return []
  const needle = foldText(query.trim())
  const compare = (a: { entity: T; rank: number }, b: { entity: T; rank: number }) =>
    a.rank - b.rank ||
    Number(b.entity.kind === 'customer') - Number(a.entity.kind === 'customer') ||
    names.compare(a.entity.name, b.entity.name)
  // The best `limit` kept in order as the candidates go by: a short query matches thousands of
  // names, and sorting them all would take longer than the keystroke allows.
  const best: { entity: T; rank: number }[] = []
  for (const { entity, folded, words } of candidates) {
    const rank = folded.startsWith(needle)
      ? 0
      : words.some((word) => word.startsWith(needle))
        ? 1
        : -1
    if (rank < 0) continue
    const match = { entity, rank }
    if (best.length === limit && compare(match, best[limit - 1]!) >= 0) continue
    let at = best.length
    while (at > 0 && compare(match, best[at - 1]!) < 0) at--
    best.splice(at, 0, match)
    if (best.length > limit) best.pop()
  }
  return best.map(({ entity }) => entity)
}
