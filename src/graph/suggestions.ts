/**
 * Ties the notes suggest: pairs of entities that notes mention together but that have no tie
 * yet, ranked by how many notes mention them together, each with those notes as evidence. The
 * user confirms a suggestion by picking a tie type; the notes become the tie's evidence.
 */
import type { Note, Tie } from '../model/records'

export interface TieSuggestion {
  /** The pair, smaller id first. */
  a: string
  b: string
  /** Notes mentioning both, newest first. */
  evidence: string[]
  count: number
  latestAt: number
}

function key(a: string, b: string): string {
  return `${a}\u0000${b}`
}

export function suggestTies(
  notes: readonly Pick<Note, 'id' | 'about' | 'at'>[],
  ties: readonly Pick<Tie, 'from' | 'to'>[],
  options: {
    /** Only entities that exist (or are shown); others in `about` are ignored. */
    entityIds?: ReadonlySet<string>
    /** Notes about more entities than this are too broad to suggest anything (a newsletter). */
    maxAboutPerNote?: number
    limit?: number
    minCount?: number
  } = {},
): TieSuggestion[] {
  const { entityIds, maxAboutPerNote = 12, limit = 50, minCount = 1 } = options
  const tied = new Set<string>()
  for (const tie of ties) {
    const [a, b] = tie.from < tie.to ? [tie.from, tie.to] : [tie.to, tie.from]
    tied.add(key(a, b))
  }
  const pairs = new Map<string, TieSuggestion>()
  for (const note of notes) {
    const about = [...new Set(note.about)].filter((id) => !entityIds || entityIds.has(id)).sort()
    if (about.length < 2 || about.length > maxAboutPerNote) continue
    for (let i = 0; i < about.length; i++) {
      for (let j = i + 1; j < about.length; j++) {
        const a = about[i]!
        const b = about[j]!
        const k = key(a, b)
        if (tied.has(k)) continue
        const entry = pairs.get(k) ?? { a, b, evidence: [], count: 0, latestAt: 0 }
        entry.evidence.push(note.id)
        entry.count += 1
        entry.latestAt = Math.max(entry.latestAt, note.at)
        pairs.set(k, entry)
      }
    }
  }
  const at = new Map(notes.map((note) => [note.id, note.at]))
  return [...pairs.values()]
    .filter((entry) => entry.count >= minCount)
    .map((entry) => ({
      ...entry,
      evidence: [...entry.evidence].sort((x, y) => (at.get(y) ?? 0) - (at.get(x) ?? 0)),
    }))
    .sort(
      (x, y) =>
        y.count - x.count || y.latestAt - x.latestAt || key(x.a, x.b).localeCompare(key(y.a, y.b)),
    )
    .slice(0, limit)
}
