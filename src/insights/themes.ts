/**
 * Themes and weak signals: what the notes talk about, week after week, and what they talk about
 * more and more. Pure: notes (and the names of entities, to leave out) in, themes out.
 *
 * A theme is a tag (`#vegan`) or a recurring word of the notes' prose (see note-words.ts for
 * what counts as a word). Tags and words are separate kinds; a word whose matching key is also a
 * tag's is folded into the tag, so it appears once, as a tag, and the notes that say "vegan"
 * without the `#` count for `#vegan`. A plural (`croissants`, `gâteaux`) is folded into its
 * singular when the singular occurs too. The names of the entities a note is about are not
 * words of that note. A note counts once per theme, however often it repeats it.
 *
 * Time: only the notes of the last `historyWeeks` (52) rolling weeks ending at `now` count (see
 * time.ts): themes are what the notes of the past year talk about. That history is split into
 * the recent window (the last `recentWeeks`, 6) and the baseline (the weeks before it).
 *
 * Rising score: the **lift** — how many times more notes the theme had in the recent window
 * than its baseline share of the notes would give, shrunk toward 1 for small counts:
 *
 *     expected = Nr × b / Nb        lift = (r + 3) / (expected + 3)
 *
 * where r and b are the theme's notes in the recent window and in the baseline, Nr and Nb all
 * the notes in each. Shares rather than counts, so writing more notes lately does not make
 * every theme rise. The 3 pseudo-notes added on both sides (`SMOOTHING`) keep a theme never seen
 * before finite and pull small counts toward "no change": from nothing, a theme needs 4 recent
 * notes to reach a lift of 2 (7 / 3), 12 to reach 5 (15 / 3) — in a big notebook, a rare word met
 * three times by chance in the same six weeks is not a signal. A theme is a **weak signal**
 * (rising) when
 * - r ≥ `MIN_RECENT_NOTES` (3): one or two notes are an anecdote, not a trend;
 * - Nb ≥ `MIN_BASELINE_NOTES` (10): without a past there is nothing to rise from;
 * - lift ≥ `MIN_LIFT` (2): at least twice what its past share says.
 * Weak signals are ranked by lift, then r.
 */
import type { Entity, Note } from '../model/records'
import { createWordReader, tokens, wordKey } from './note-words'
import { WEEK_MS, compareIds, windowIndex, windowStarts } from './time'

export type ThemeKind = 'tag' | 'word'

export const DEFAULT_RECENT_WEEKS = 6
export const DEFAULT_HISTORY_WEEKS = 52
export const DEFAULT_THEME_LIMIT = 60
export const MIN_RECENT_NOTES = 3
export const MIN_BASELINE_NOTES = 10
export const MIN_LIFT = 2
export const SMOOTHING = 3
/** Shortest plural folded into its singular: `bus` and `gas` stay themselves. */
const MIN_PLURAL_LENGTH = 4

export interface Theme {
  /** `tag:<key>` or `word:<key>`: unique among themes. */
  id: string
  kind: ThemeKind
  /** Matching key: lowercase, accents stripped. */
  key: string
  /** As written most often (a tag: as a tag; a word: in prose), lowercase, accents kept. */
  label: string
  /** How many notes, in the history window. */
  count: number
  /** Its notes in the history window, newest first. */
  noteIds: string[]
  /** Notes per week over the history, oldest first, aligned with `Themes.weekStarts`. */
  weekly: number[]
  /** Its notes in the recent window and in the baseline. */
  recent: number
  baseline: number
  /** Recent notes over those its baseline share would give, smoothed (see the module comment). */
  lift: number
  isRising: boolean
}

export interface Themes {
  /** Exclusive start of each weekly window, oldest first; the last ends at `now`. */
  weekStarts: number[]
  recentWeeks: number
  /** All notes in the recent window and in the baseline (Nr and Nb). */
  recentNotes: number
  baselineNotes: number
  /** The most frequent themes (by notes in the history window), at most `limit`. */
  themes: Theme[]
  /** Weak signals, strongest first, at most `limit`. */
  rising: Theme[]
}

export interface ThemesInput {
  /** All the notes; those outside the history window are left out here. */
  notes: readonly Pick<Note, 'id' | 'text' | 'tags' | 'about' | 'at'>[]
  /** Names of the entities notes are about, to leave out of their words. */
  entities: readonly Pick<Entity, 'id' | 'name'>[]
  now: number
  recentWeeks?: number
  historyWeeks?: number
  limit?: number
}

export function findThemes({
  notes: allNotes,
  entities,
  now,
  recentWeeks = DEFAULT_RECENT_WEEKS,
  historyWeeks = DEFAULT_HISTORY_WEEKS,
  limit = DEFAULT_THEME_LIMIT,
}: ThemesInput): Themes {
  const history = Math.max(historyWeeks, recentWeeks + 1)
  const recentFrom = history - recentWeeks
  const weekOf = (at: number) => windowIndex(at, now, WEEK_MS, history)

  // Only the notes of the history window: a theme is what the notes of the last year talk
  // about and what the weekly series can show; older notes are not even read. Newest first, so
  // each theme's notes are collected already in the order they are returned.
  const inWindow = allNotes.filter((note) => weekOf(note.at) >= 0)
  // Sorted through an index over a contiguous array of dates: far fewer cache misses than a
  // comparator reading 50,000 note records spread over the heap.
  const ats = Float64Array.from(inWindow, (note) => note.at)
  const order = Uint32Array.from(inWindow, (_, index) => index).sort(
    (a, b) => ats[b]! - ats[a]! || compareIds(inWindow[a]!.id, inWindow[b]!.id),
  )
  const notes = Array.from(order, (index) => inWindow[index]!)
  const weeks = Int32Array.from(notes, (note) => weekOf(note.at))

  // Names: the keys of every run of letters of an entity's name, found when a note is about it
  // (names are plain text: no markdown to strip, and a stopword in a name never matches a word).
  const nameOf = new Map(entities.map((entity) => [entity.id, entity.name]))
  const nameKeys = new Map<string, string[]>()
  const nameKeysOf = (id: string): string[] => {
    let keys = nameKeys.get(id)
    if (!keys) {
      keys = tokens((nameOf.get(id) ?? '').toLowerCase()).map(wordKey)
      nameKeys.set(id, keys)
    }
    return keys
  }

  // One pass over the notes: for each distinct word and each tag spelling, the notes using it
  // (each note once, in note order, so newest first). Names of what a note is about are left
  // out. Words are folded into themes afterwards, once the whole vocabulary is known.
  const reader = createWordReader()
  const wordNotes: number[][] = []
  const wordLastNote: number[] = []
  const tagNotes = new Map<string, number[]>()
  let recentNotes = 0
  let baselineNotes = 0
  notes.forEach((note, index) => {
    const week = weeks[index]!
    if (week >= recentFrom) recentNotes += 1
    else if (week >= 0) baselineNotes += 1
    for (const tag of note.tags) {
      const list = tagNotes.get(tag)
      if (!list) tagNotes.set(tag, [index])
      else if (list.at(-1) !== index) list.push(index)
    }
    let names: string[] | undefined
    for (const word of reader.read(note.text)) {
      while (wordNotes.length <= word.index) {
        wordNotes.push([])
        wordLastNote.push(-1)
      }
      if (wordLastNote[word.index] === index) continue
      if (note.about.length > 0) {
        names ??=
          note.about.length === 1 ? nameKeysOf(note.about[0]!) : note.about.flatMap(nameKeysOf)
        if (names.includes(word.key)) continue
      }
      wordLastNote[word.index] = index
      wordNotes[word.index]!.push(index)
    }
  })

  // Themes: a tag's key, or a word's — folded into a tag with the same key, or into its
  // singular when the singular occurs too. Each theme gathers the note lists of its sources.
  const vocabulary = reader.words()
  const keys = new Set(vocabulary.map((word) => word.key))
  const tagKeys = new Set([...tagNotes.keys()].map(wordKey))
  const themeSources = new Map<string, number[][]>()
  const gather = (id: string, notesOfSource: number[]) => {
    if (notesOfSource.length === 0) return
    const sources = themeSources.get(id)
    if (sources) sources.push(notesOfSource)
    else themeSources.set(id, [notesOfSource])
  }
  const wordThemeId = (key: string): string => {
    if (tagKeys.has(key)) return `tag:${key}`
    const singular = key.length >= MIN_PLURAL_LENGTH && /[sx]$/.test(key) ? key.slice(0, -1) : ''
    return singular && (keys.has(singular) || tagKeys.has(singular))
      ? wordThemeId(singular)
      : `word:${key}`
  }
  for (const [tag, list] of tagNotes) gather(`tag:${wordKey(tag)}`, list)
  vocabulary.forEach((word) => gather(wordThemeId(word.key), wordNotes[word.index] ?? []))

  const tagLabels = mostUsedSpellings(
    new Map([...tagNotes].map(([tag, list]) => [tag, list.length])),
  )
  const wordLabels = mostUsedSpellings(
    new Map(vocabulary.map((word) => [word.spelling, wordNotes[word.index]?.length ?? 0])),
  )

  const themes: Theme[] = []
  const notesOfTheme = new Map<string, number[]>()
  for (const [id, sources] of themeSources) {
    // One source (nearly always): its list as is. Several: merged, in note order, each once.
    const indexes =
      sources.length === 1 ? sources[0]! : [...new Set(Int32Array.from(sources.flat()).sort())]
    notesOfTheme.set(id, indexes)
    let recent = 0
    let baseline = 0
    for (const index of indexes) {
      const week = weeks[index]!
      if (week >= recentFrom) recent += 1
      else if (week >= 0) baseline += 1
    }
    const separator = id.indexOf(':')
    const kind: ThemeKind = id.slice(0, separator) === 'tag' ? 'tag' : 'word'
    const key = id.slice(separator + 1)
    const expected = baselineNotes > 0 ? (recentNotes * baseline) / baselineNotes : 0
    const lift = (recent + SMOOTHING) / (expected + SMOOTHING)
    themes.push({
      id,
      kind,
      key,
      label: (kind === 'tag' ? tagLabels : wordLabels).get(key) ?? key,
      count: indexes.length,
      noteIds: [],
      weekly: [],
      recent,
      baseline,
      lift,
      isRising:
        recent >= MIN_RECENT_NOTES && baselineNotes >= MIN_BASELINE_NOTES && lift >= MIN_LIFT,
    })
  }

  const frequent = [...themes]
    .sort((a, b) => b.count - a.count || compareIds(a.id, b.id))
    .slice(0, limit)
  const rising = themes
    .filter((theme) => theme.isRising)
    .sort((a, b) => b.lift - a.lift || b.recent - a.recent || compareIds(a.id, b.id))
    .slice(0, limit)
  // Note ids and weekly series only for the themes returned: the rest is never shown.
  for (const theme of new Set([...frequent, ...rising])) {
    const indexes = notesOfTheme.get(theme.id)!
    const weekly = Array.from({ length: history }, () => 0)
    for (const index of indexes) {
      const week = weeks[index]!
      if (week >= 0) weekly[week]! += 1
    }
    theme.weekly = weekly
    theme.noteIds = indexes.map((index) => notes[index]!.id)
  }

  return {
    weekStarts: windowStarts(now, WEEK_MS, history),
    recentWeeks,
    recentNotes,
    baselineNotes,
    themes: frequent,
    rising,
  }
}

/** Key → its most used spelling; on a tie the accented one, then code order. */
function mostUsedSpellings(counts: ReadonlyMap<string, number>): Map<string, string> {
  const best = new Map<string, { spelling: string; count: number; accented: boolean }>()
  for (const [spelling, count] of counts) {
    const key = wordKey(spelling)
    const accented = spelling !== key
    const seen = best.get(key)
    if (
      !seen ||
      count > seen.count ||
      (count === seen.count &&
        (accented > seen.accented || (accented === seen.accented && spelling < seen.spelling)))
    ) {
      best.set(key, { spelling, count, accented })
    }
  }
  return new Map([...best].map(([key, { spelling }]) => [key, spelling]))
}
