/**
 * The full-text index of a notebook: customers, every other entity and the text of notes. Pure:
 * documents in, ranked hits out; no DOM and no IndexedDB, so it runs in the search worker and in
 * Node tests alike (the worker owns the I/O, see `search-engine.ts`).
 *
 * An inverted index built for a notebook of 200,000 notes: each folded term maps to the sorted
 * list of the document slots that hold it, and a query only walks the lists of its own terms, then
 * keeps the best `limit` hits (top-k), so a common word costs one pass over one list, never a
 * score per document of the corpus. Prefix terms are found by binary search in the sorted
 * dictionary. The index saves as a few dozen chunks of typed arrays (`toChunks`), which
 * IndexedDB stores and loads without JSON.
 *
 * Typing asks a query per keystroke, each a letter longer than the last: the expansions of query
 * words (prefixes, typos) are kept until the dictionary changes, and the hits of the latest
 * queries until any document does, so each keystroke expands only the word being typed. The
 * per-document work arrays of a query are kept and zeroed between queries, not reallocated.
 *
 * Terms are folded (lowercase, no diacritics) both when indexing and when querying, so `zoe`
 * finds `Zoé` and `cafe` finds `Café`. `highlight` and `snippet` fold the same way, so what is
 * highlighted is exactly what matched.
 */
import type { Entity, Note } from '../model/records'

/** Bumped whenever tokenising, fields or the saved shape change: another format is rebuilt. */
export const INDEX_FORMAT = 2

export type SearchRecordType = 'entity' | 'note'

/** What the index holds for one record. `key` is `<type>:<id>`, unique across tables. */
export interface SearchDocument {
  key: string
  type: SearchRecordType
  /** The entity kind (`customer`, `product`…) or the note kind (`complaint`…). */
  kind: string
  name: string
  tags: string
  text: string
  /** Entities: their name, shown in results. Notes: empty (their text is read when shown). */
  title: string
  /** Notes: when what they tell happened. */
  at: number
}

export interface SearchHit {
  id: string
  type: SearchRecordType
  kind: string
  title: string
  at: number
  score: number
  /** The folded document terms that matched, for `highlight`. */
  terms: string[]
}

// Letters, digits and combining marks (so decomposed accents stay inside their word).
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const NON_ASCII = /[\u0080-\uffff]/

/** Lowercase without diacritics: `Zoé` → `zoe`, `CAFÉ` → `cafe`. */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase()
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/*
 * The indexer's tokeniser: one pass over the characters that folds and cuts words together and
 * hashes each word as it goes, so that a word already known is found without making a string.
 * It cuts and folds as `tokenize(foldText(text))` does, character by character.
 */
const MAX_WORD = 100
const charClass = new Uint8Array(65_536) // 0 not yet known, 1 part of a word, 2 not
const foldedChar: string[] = []

function isWordChar(code: number): boolean {
  let known = charClass[code]!
  if (known === 0) {
    known = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) ? 1 : 2
    charClass[code] = known
  }
  return known === 1
}

function foldChar(code: number): string {
  let folded = foldedChar[code]
  if (folded === undefined) {
    folded = String.fromCharCode(code)
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
    foldedChar[code] = folded
  }
  return folded
}

/** Calls `word` with each folded word of `text`, in `buffer` (char codes) with its hash. */
function scanWords(
  text: string,
  buffer: Uint16Array,
  word: (length: number, hash: number) => void,
): void {
  let length = 0
  let hash = 0x811c9dc5
  for (let i = 0; i <= text.length; i++) {
    let code = i < text.length ? text.charCodeAt(i) : 32
    if (code >= 128) {
      if (isWordChar(code)) {
        const folded = foldChar(code)
        for (let k = 0; k < folded.length && length < MAX_WORD; k++) {
          const part = folded.charCodeAt(k)
          buffer[length++] = part
          hash = Math.imul(hash ^ part, 16_777_619)
        }
        continue
      }
    } else if (
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      (code >= 65 && code <= 90)
    ) {
      if (code <= 90 && code >= 65) code += 32
      if (length < MAX_WORD) {
        buffer[length++] = code
        hash = Math.imul(hash ^ code, 16_777_619)
      }
      continue
    }
    if (length > 0) word(length, hash)
    length = 0
    hash = 0x811c9dc5
  }
}

function wordOf(buffer: Uint16Array, length: number): string {
  return String.fromCharCode(...buffer.subarray(0, length))
}

/** The folded words of `text`, as the index stores them. */
export function terms(text: string): string[] {
  const buffer = new Uint16Array(MAX_WORD)
  const words: string[] = []
  scanWords(text, buffer, (length) => words.push(wordOf(buffer, length)))
  return words
}

/** One string per distinct word, found from the scanner's buffer and hash without allocating. */
class Interner {
  private slots = new Int32Array(1 << 12)
  private hashes = new Int32Array(1 << 12)
  private readonly words: string[] = []

  get size(): number {
    return this.words.length
  }

  word(id: number): string {
    return this.words[id]!
  }

  intern(buffer: Uint16Array, length: number, hash: number): string {
    return this.words[this.internId(buffer, length, hash)]!
  }

  /** The word's id: its place in the order words were first seen, from 0. */
  internId(buffer: Uint16Array, length: number, hash: number): number {
    const mask = this.slots.length - 1
    let at = hash & mask
    for (;;) {
      const slot = this.slots[at]!
      if (slot === 0) break
      if (this.hashes[at] === hash) {
        const candidate = this.words[slot - 1]!
        if (candidate.length === length) {
          let same = true
          for (let k = 0; k < length && same; k++) same = candidate.charCodeAt(k) === buffer[k]
          if (same) return slot - 1
        }
      }
      at = (at + 1) & mask
    }
    this.words.push(wordOf(buffer, length))
    this.slots[at] = this.words.length
    this.hashes[at] = hash
    if (this.words.length * 2 > this.slots.length) this.grow()
    return this.words.length - 1
  }

  private grow(): void {
    const slots = this.slots
    const hashes = this.hashes
    this.slots = new Int32Array(slots.length * 2)
    this.hashes = new Int32Array(slots.length * 2)
    const mask = this.slots.length - 1
    slots.forEach((slot, i) => {
      if (slot === 0) return
      let at = hashes[i]! & mask
      while (this.slots[at] !== 0) at = (at + 1) & mask
      this.slots[at] = slot
      this.hashes[at] = hashes[i]!
    })
  }
}

const MENTION = /\[@([^\]\n]{1,500})\]\(carnet:entity\/[A-Za-z0-9_-]{1,64}\)/g
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g

/**
 * A note's markdown as a reader sees it: mentions become `@Name`, links their text, and the
 * emphasis, heading and quote marks go. Indexed, and shown in snippets.
 */
export function plainNoteText(markdown: string): string {
  if (!/[[#>*_`~]/.test(markdown)) return markdown
  return markdown
    .replace(MENTION, '@$1')
    .replace(LINK, '$1')
    .replace(/^\s{0,3}(#{1,6}|>+)\s+/gm, '')
    .replace(/(\*\*|__|`+|~~)/g, '')
}

export function entityDocument(entity: Entity): SearchDocument {
  const contact = entity.contact
  return {
    key: `entity:${entity.id}`,
    type: 'entity',
    kind: entity.kind,
    name: entity.name,
    tags: entity.tags.join(' '),
    text: [entity.summary, ...(contact?.emails ?? []), contact?.organisation ?? ''].join('\n'),
    title: entity.name,
    at: 0,
  }
}

export function noteDocument(note: Note): SearchDocument {
  return {
    key: `note:${note.id}`,
    type: 'note',
    kind: note.kind,
    name: '',
    tags: note.tags.join(' '),
    text: plainNoteText(note.text),
    title: '',
    at: note.at,
  }
}

export function documentKey(type: SearchRecordType, id: string): string {
  return `${type}:${id}`
}

/** Document slots holding a term, ascending. Loaded lists are typed arrays (see `appended`). */
type Postings = number[] | Uint32Array

/** The first index in sorted `list` whose value is not below `value`. */
function lowerBound(list: ArrayLike<string>, value: string): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

function containsSlot(postings: Postings, slot: number): boolean {
  let low = 0
  let high = postings.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (postings[middle]! < slot) low = middle + 1
    else high = middle
  }
  return postings[low] === slot
}

/* Two rows of the edit-distance table, reused: the fuzzy pass runs this over the whole dictionary. */
let previousRow = new Int32Array(128)
let currentRow = new Int32Array(128)

/**
 * Whether `a` and `b` are at most `max` edits apart (insertions, deletions, substitutions). Only
 * the cells within `max` of the diagonal are computed: any path through another cell already
 * costs more than `max`, so the cells outside the band stand for "too far" (`max + 1`).
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  const rows = a.length
  const columns = b.length
  if (Math.abs(rows - columns) > max) return false
  if (columns + 2 > previousRow.length) {
    previousRow = new Int32Array(columns + 2)
    currentRow = new Int32Array(columns + 2)
  }
  const far = max + 1
  let previous = previousRow
  let current = currentRow
  for (let j = 0; j <= columns; j++) previous[j] = j
  previous[columns + 1] = far
  for (let i = 1; i <= rows; i++) {
    const from = Math.max(1, i - max)
    const to = Math.min(columns, i + max)
    current[from - 1] = from === 1 ? i : far
    let best = current[from - 1]!
    const code = a.charCodeAt(i - 1)
    for (let j = from; j <= to; j++) {
      let value = previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1)
      const up = previous[j]! + 1
      if (up < value) value = up
      const left = current[j - 1]! + 1
      if (left < value) value = left
      current[j] = value
      if (value < best) best = value
    }
    if (best > max) return false
    current[to + 1] = far
    const swap = previous
    previous = current
    current = swap
  }
  return previous[columns]! <= max
}

/** How many typos a query word forgives: none under four letters, then one per five letters. */
function allowedEdits(term: string): number {
  return term.length < 4 ? 0 : Math.min(2, Math.floor(term.length * 0.2))
}

interface Expansion {
  exact: string[]
  near: string[]
}

/** Expansions kept per dictionary: as a word is typed, the words before it expand again. */
const EXPANSIONS_KEPT = 256

/** One dictionary: terms to postings, with the terms sorted for prefix search. */
class TermTable {
  readonly postings = new Map<string, Postings>()
  /** Sorted terms, and the terms added since they were sorted (merged in once there are many). */
  private sorted: string[] = []
  private fresh: string[] = []
  /** Expansions of query words by the current dictionary; emptied whenever a term is added. */
  private readonly expansions = new Map<string, Expansion>()
  /** The buffers of loaded lists added to since, each ahead of its list's view (`appended`). */
  private readonly buffers = new Map<string, Uint32Array>()

  add(term: string, slot: number): void {
    const list = this.postings.get(term)
    if (list === undefined) {
      this.postings.set(term, [slot])
      this.fresh.push(term)
      this.expansions.clear()
    } else if (list[list.length - 1] !== slot) {
      if (Array.isArray(list)) list.push(slot)
      else this.postings.set(term, this.appended(term, list, slot))
    }
  }

  /**
   * A loaded list with `slot` added. Loaded lists are views of shared chunks: the first addition
   * copies the list into a buffer of its own with room to spare (a plain copy of a common word's
   * list, 100,000 slots, would take milliseconds per word of the note), later ones write there.
   */
  private appended(term: string, list: Uint32Array, slot: number): Uint32Array {
    let buffer = this.buffers.get(term)
    if (buffer === undefined || buffer.length === list.length) {
      const larger = new Uint32Array(Math.max(8, Math.ceil(list.length * 1.25)))
      larger.set(list)
      buffer = larger
      this.buffers.set(term, buffer)
    }
    buffer[list.length] = slot
    return buffer.subarray(0, list.length + 1)
  }

  private dictionary(): string[] {
    if (this.fresh.length > 0) {
      this.sorted = [...this.sorted, ...this.fresh].sort()
      this.fresh = []
    }
    return this.sorted
  }

  /**
   * Terms equal to `term`, then (with `prefix`) those starting with it, then near misses. The
   * lists returned are shared with later calls: read them, never change them.
   */
  expand(term: string, prefix: boolean, edits: number): Expansion {
    const key = `${prefix ? 'p' : 'w'}${edits}:${term}`
    let expansion = this.expansions.get(key)
    if (expansion === undefined) {
      expansion = this.expandAll(term, prefix, edits)
      if (this.expansions.size >= EXPANSIONS_KEPT) this.expansions.clear()
      this.expansions.set(key, expansion)
    }
    return expansion
  }

  private expandAll(term: string, prefix: boolean, edits: number): Expansion {
    const dictionary = this.dictionary()
    const exact = this.postings.has(term) ? [term] : []
    const near: string[] = []
    const first = lowerBound(dictionary, term)
    let last = first
    if (prefix) {
      for (; last < dictionary.length; last++) {
        const candidate = dictionary[last]!
        if (!candidate.startsWith(term)) break
        if (candidate !== term) near.push(candidate)
      }
    }
    if (edits > 0) {
      // The terms from `first` to `last` were taken above (or are `term` itself).
      if (!prefix && dictionary[first] === term) last = first + 1
      for (let i = 0; i < dictionary.length; i++) {
        if (i === first) i = last
        if (i >= dictionary.length) break
        const candidate = dictionary[i]!
        if (Math.abs(candidate.length - term.length) > edits) continue
        if (withinEdits(term, candidate, edits)) near.push(candidate)
      }
    }
    return { exact, near }
  }

  /** Keeps the live slots, renumbered by `remap` (-1: dropped). */
  compact(remap: Int32Array): void {
    for (const [term, list] of this.postings) {
      const kept: number[] = []
      for (let i = 0; i < list.length; i++) {
        const slot = remap[list[i]!]!
        if (slot >= 0) kept.push(slot)
      }
      if (kept.length === 0) this.postings.delete(term)
      else this.postings.set(term, kept)
    }
    this.sorted = [...this.postings.keys()].sort()
    this.fresh = []
    this.expansions.clear()
    this.buffers.clear()
  }

  toChunks(field: TermField, termsPerChunk: number): TermChunk[] {
    const dictionary = this.dictionary()
    const chunks: TermChunk[] = []
    for (let from = 0, order = 0; from < dictionary.length; from += termsPerChunk, order++) {
      const terms = dictionary.slice(from, from + termsPerChunk)
      const offsets = new Uint32Array(terms.length + 1)
      let total = 0
      terms.forEach((term, i) => {
        offsets[i] = total
        total += this.postings.get(term)!.length
      })
      offsets[terms.length] = total
      const postings = new Uint32Array(total)
      terms.forEach((term, i) => postings.set(this.postings.get(term)!, offsets[i]))
      chunks.push({ id: `${field}:${order}`, part: field, order, terms, offsets, postings })
    }
    return chunks
  }

  /** Takes the lists of a build: the postings of term id `i` are `offsets[i]` to `offsets[i + 1]`. */
  fill(word: (id: number) => string, offsets: Int32Array, postings: Uint32Array): void {
    for (let id = 0; id + 1 < offsets.length; id++) {
      const from = offsets[id]!
      const to = offsets[id + 1]!
      if (from === to) continue
      const term = word(id)
      this.postings.set(term, postings.subarray(from, to))
      this.fresh.push(term)
    }
    this.expansions.clear()
  }

  load(chunks: readonly TermChunk[]): void {
    const ordered = [...chunks].sort((a, b) => a.order - b.order)
    for (const chunk of ordered) {
      chunk.terms.forEach((term, i) => {
        this.postings.set(term, chunk.postings.subarray(chunk.offsets[i], chunk.offsets[i + 1]))
      })
    }
    this.sorted = ordered.flatMap((chunk) => chunk.terms)
    this.expansions.clear()
    this.buffers.clear()
  }
}

/**
 * The postings of a build, gathered as term ids in one typed array in slot order rather than as a
 * growing list per term: a notebook's build adds millions of (term, document) pairs, and a map
 * lookup and a list push for each, with the garbage of the lists' regrowth, made most of its time.
 * The lists are cut from one buffer at the end (`lists`), sorted by slot as they were added.
 */
class PostingsCollector {
  private terms = new Int32Array(1 << 16)
  private length = 0
  /** Where each slot's term ids end in `terms`, for the slots before `slot`. */
  private ends = new Int32Array(1 << 12)
  /** The slot being added to. */
  private slot = 0
  /** Per term id, the last slot it was added for: a word repeated in a document counts once. */
  private lastSlot = new Int32Array(1 << 12).fill(-1)

  /** Adds `term` to `slot`, which is never below the slot of the previous call. */
  add(term: number, slot: number): void {
    if (term >= this.lastSlot.length) this.lastSlot = grown(this.lastSlot, term + 1, -1)
    if (this.lastSlot[term] === slot) return
    this.lastSlot[term] = slot
    if (slot !== this.slot) this.closeSlotsBefore(slot)
    if (this.length === this.terms.length) this.terms = grown(this.terms, this.length + 1, 0)
    this.terms[this.length++] = term
  }

  private closeSlotsBefore(slot: number): void {
    if (slot > this.ends.length) this.ends = grown(this.ends, slot, 0)
    this.ends.fill(this.length, this.slot, slot)
    this.slot = slot
  }

  /** Each term's slots, ascending, in one buffer: term `i`'s from `offsets[i]` to `offsets[i + 1]`. */
  lists(termCount: number, slotCount: number): { offsets: Int32Array; postings: Uint32Array } {
    this.closeSlotsBefore(slotCount)
    const offsets = new Int32Array(termCount + 1)
    const terms = this.terms
    const length = this.length
    for (let i = 0; i < length; i++) offsets[terms[i]! + 1]!++
    for (let id = 0; id < termCount; id++) offsets[id + 1]! += offsets[id]!
    const next = offsets.slice(0, termCount)
    const postings = new Uint32Array(length)
    const ends = this.ends
    let i = 0
    for (let slot = 0; slot < slotCount; slot++) {
      const end = ends[slot]!
      for (; i < end; i++) postings[next[terms[i]!]!++] = slot
    }
    return { offsets, postings }
  }
}

/** A copy of `array` at least `length` long (doubling), the new items set to `fill`. */
function grown(
  array: Int32Array<ArrayBuffer>,
  length: number,
  fill: number,
): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(Math.max(length, array.length * 2))
  larger.set(array)
  if (fill !== 0) larger.fill(fill, array.length)
  return larger
}

type TermField = 'all' | 'names'

export interface TermChunk {
  id: string
  part: TermField
  order: number
  terms: string[]
  /** Where each term's postings start in `postings`; one more entry than terms. */
  offsets: Uint32Array
  postings: Uint32Array
}

export interface DocumentChunk {
  id: string
  part: 'documents'
  /** The first slot of this chunk. */
  order: number
  /** Document keys by slot; empty for a removed document. */
  keys: string[]
  types: Uint8Array
  kinds: string[]
  titles: string[]
  at: Float64Array
}

/** A build under way: documents go in, then `finish` gives the index. */
export interface SearchIndexBuild {
  addAll(documents: readonly SearchDocument[]): void
  /** The index, its lists made; the build takes no more documents. */
  finish(): SearchIndex
}

/** The index as saved: the documents and the two dictionaries, in chunks of bounded size. */
export type SearchIndexChunk = TermChunk | DocumentChunk

const TYPES: readonly SearchRecordType[] = ['entity', 'note']
const TERMS_PER_CHUNK = 20_000
const DOCUMENTS_PER_CHUNK = 50_000

/** How much a query word weighs by where it matched; a document keeps its best match per word. */
const WEIGHT = { nameExact: 8, nameNear: 6, exact: 2, near: 1 }
const MIN_TEXT_PREFIX = 3
/** Queries whose hits are kept for when they are asked again. */
const ANSWERS_KEPT = 32
const ENTITY_BONUS = 0.5
const CUSTOMER_BONUS = 0.1

export type SearchCounts = Record<SearchRecordType, number>

interface TermGroup {
  table: TermTable
  terms: string[]
  weight: number
}

export class SearchIndex {
  private keys: string[] = []
  private types: number[] = []
  private kinds: string[] = []
  private readonly kindNames = new Map<string, string>()
  private titles: string[] = []
  private at: number[] = []
  private readonly slotOf = new Map<string, number>()
  private removed = 0
  private readonly all = new TermTable()
  private readonly names = new TermTable()
  private readonly byType: SearchCounts = { entity: 0, note: 0 }
  private readonly interner = new Interner()
  private readonly buffer = new Uint16Array(MAX_WORD)
  /** The latest queries' hits, by limit and words; emptied by any change to the documents. */
  private readonly answers = new Map<string, SearchHit[]>()
  /** While a build adds its documents: where their postings are gathered (`build`). */
  private collectors: { all: PostingsCollector; names: PostingsCollector } | null = null

  private constructor() {}

  static empty(): SearchIndex {
    return new SearchIndex()
  }

  /**
   * An index built from many documents at once: the same index as `empty()` and `addAll`, made
   * several times faster by gathering the postings of all documents before making the lists.
   */
  static build(): SearchIndexBuild {
    const index = new SearchIndex()
    const collectors = { all: new PostingsCollector(), names: new PostingsCollector() }
    index.collectors = collectors
    return {
      addAll(documents) {
        if (index.collectors !== collectors) throw new Error('This build is finished.')
        index.addAll(documents)
      },
      finish() {
        if (index.collectors !== collectors) return index
        index.collectors = null
        const word = (id: number) => index.interner.word(id)
        const terms = index.interner.size
        const slots = index.keys.length
        const all = collectors.all.lists(terms, slots)
        index.all.fill(word, all.offsets, all.postings)
        const names = collectors.names.lists(terms, slots)
        index.names.fill(word, names.offsets, names.postings)
        return index
      },
    }
  }

  /** Restores an index saved by `toChunks` (chunks in any order). */
  static fromChunks(chunks: readonly SearchIndexChunk[]): SearchIndex {
    const index = new SearchIndex()
    const documents = chunks
      .filter((chunk): chunk is DocumentChunk => chunk.part === 'documents')
      .sort((a, b) => a.order - b.order)
    for (const chunk of documents) {
      // Concatenated, not spread: a chunk holds more items than a call takes arguments.
      index.keys = index.keys.concat(chunk.keys)
      index.types = index.types.concat(Array.from(chunk.types))
      index.kinds = index.kinds.concat(chunk.kinds.map((kind) => index.kindName(kind)))
      index.titles = index.titles.concat(chunk.titles)
      index.at = index.at.concat(Array.from(chunk.at))
    }
    index.keys.forEach((key, slot) => {
      if (key === '') {
        index.removed++
        return
      }
      index.slotOf.set(key, slot)
      index.byType[TYPES[index.types[slot]!]!]++
    })
    const termChunks = chunks.filter((chunk): chunk is TermChunk => chunk.part !== 'documents')
    index.all.load(termChunks.filter((chunk) => chunk.part === 'all'))
    index.names.load(termChunks.filter((chunk) => chunk.part === 'names'))
    return index
  }

  /** The index in chunks of bounded size, for IndexedDB: no chunk is one huge string. */
  toChunks(): SearchIndexChunk[] {
    if (this.removed > 0 && this.removed >= this.keys.length / 10) this.compact()
    const chunks: SearchIndexChunk[] = []
    for (let from = 0; from < this.keys.length || from === 0; from += DOCUMENTS_PER_CHUNK) {
      const to = Math.min(this.keys.length, from + DOCUMENTS_PER_CHUNK)
      chunks.push({
        id: `documents:${from}`,
        part: 'documents',
        order: from,
        keys: this.keys.slice(from, to),
        types: Uint8Array.from(this.types.slice(from, to)),
        kinds: this.kinds.slice(from, to),
        titles: this.titles.slice(from, to),
        at: Float64Array.from(this.at.slice(from, to)),
      })
    }
    chunks.push(...this.all.toChunks('all', TERMS_PER_CHUNK))
    chunks.push(...this.names.toChunks('names', TERMS_PER_CHUNK))
    return chunks
  }

  /** Drops removed documents from every list and renumbers the slots. */
  private compact(): void {
    const remap = new Int32Array(this.keys.length).fill(-1)
    let next = 0
    this.keys.forEach((key, slot) => {
      if (key === '') return
      remap[slot] = next
      this.keys[next] = key
      this.types[next] = this.types[slot]!
      this.kinds[next] = this.kinds[slot]!
      this.titles[next] = this.titles[slot]!
      this.at[next] = this.at[slot]!
      this.slotOf.set(key, next)
      next++
    })
    for (const list of [this.keys, this.types, this.kinds, this.titles, this.at]) list.length = next
    this.removed = 0
    this.all.compact(remap)
    this.names.compact(remap)
  }

  /**
   * One string per kind: kinds read from IndexedDB arrive as one string per record, and a
   * notebook's worth of them (200,000) only lengthens every garbage collection of the worker.
   */
  private kindName(kind: string): string {
    const known = this.kindNames.get(kind)
    if (known !== undefined) return known
    this.kindNames.set(kind, kind)
    return kind
  }

  get size(): number {
    return this.slotOf.size
  }

  /** How many documents of each type the index holds. */
  counts(): SearchCounts {
    return { ...this.byType }
  }

  has(key: string): boolean {
    return this.slotOf.has(key)
  }

  addAll(documents: readonly SearchDocument[]): void {
    for (const document of documents) this.put(document)
  }

  /** Adds or replaces one document. */
  put(document: SearchDocument): void {
    this.remove(document.key)
    this.answers.clear()
    const slot = this.keys.length
    this.keys.push(document.key)
    this.types.push(TYPES.indexOf(document.type))
    this.kinds.push(this.kindName(document.kind))
    this.titles.push(document.title)
    this.at.push(document.at)
    this.slotOf.set(document.key, slot)
    this.byType[document.type]++
    const buffer = this.buffer
    const interner = this.interner
    const collectors = this.collectors
    if (collectors) {
      const { all, names } = collectors
      scanWords(document.name, buffer, (length, hash) => {
        const term = interner.internId(buffer, length, hash)
        names.add(term, slot)
        all.add(term, slot)
      })
      const collect = (length: number, hash: number) =>
        all.add(interner.internId(buffer, length, hash), slot)
      scanWords(document.tags, buffer, collect)
      scanWords(document.text, buffer, collect)
      return
    }
    scanWords(document.name, buffer, (length, hash) => {
      const term = interner.intern(buffer, length, hash)
      this.names.add(term, slot)
      this.all.add(term, slot)
    })
    const add = (length: number, hash: number) =>
      this.all.add(interner.intern(buffer, length, hash), slot)
    scanWords(document.tags, buffer, add)
    scanWords(document.text, buffer, add)
  }

  remove(key: string): void {
    const slot = this.slotOf.get(key)
    if (slot === undefined) return
    this.answers.clear()
    this.slotOf.delete(key)
    this.byType[TYPES[this.types[slot]!]!]--
    this.keys[slot] = ''
    this.removed++
  }

  /**
   * Ranked hits: all words must match, the last also as a prefix (as you type); if none do,
   * words may be one typo off (two in long words); if still none, any word may match.
   */
  search(query: string, limit = 20): SearchHit[] {
    const words = terms(query)
    if (words.length === 0) return []
    // Typing back over a query asks again what was just answered.
    const key = `${limit}:${words.join(' ')}`
    const known = this.answers.get(key)
    if (known) return [...known]
    const hits = this.rank(words, limit)
    if (this.answers.size >= ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!)
    this.answers.set(key, hits)
    return [...hits]
  }

  private rank(words: string[], limit: number): SearchHit[] {
    const attempts = [
      { fuzzy: false, every: true },
      ...(words.some((word) => allowedEdits(word) > 0) ? [{ fuzzy: true, every: true }] : []),
      ...(words.length > 1 ? [{ fuzzy: true, every: false }] : []),
    ]
    for (const attempt of attempts) {
      const hits = this.run(words, limit, attempt.fuzzy, attempt.every)
      if (hits.length > 0) return hits
    }
    return []
  }

  private groupsOf(word: string, prefix: boolean, fuzzy: boolean): TermGroup[] {
    const edits = fuzzy ? allowedEdits(word) : 0
    const name = this.names.expand(word, prefix, edits)
    // Any word of any note starts with one or two letters: the text is searched by prefix from
    // three letters on (names, a much smaller dictionary, from the first letter).
    const any = this.all.expand(word, prefix && word.length >= MIN_TEXT_PREFIX, edits)
    return [
      { table: this.names, terms: name.exact, weight: WEIGHT.nameExact },
      { table: this.names, terms: name.near, weight: WEIGHT.nameNear },
      { table: this.all, terms: any.exact, weight: WEIGHT.exact },
      { table: this.all, terms: any.near, weight: WEIGHT.near },
    ]
  }

  /** Per-slot work arrays, kept between queries; `run` leaves them zeroed. */
  private scratch = {
    score: new Float32Array(0),
    matched: new Uint16Array(0),
    seen: new Uint8Array(0),
  }

  private scratchFor(slots: number): SearchIndex['scratch'] {
    if (this.scratch.score.length < slots) {
      const size = Math.max(slots, Math.ceil(this.scratch.score.length * 1.5))
      this.scratch = {
        score: new Float32Array(size),
        matched: new Uint16Array(size),
        seen: new Uint8Array(size),
      }
    }
    return this.scratch
  }

  /** Whether `slot` ranks before `other`: higher score, then more recent, then added first. */
  private ranksBefore(slot: number, total: number, other: number, otherTotal: number): boolean {
    if (total !== otherTotal) return total > otherTotal
    const at = this.at[slot]!
    const otherAt = this.at[other]!
    return at !== otherAt ? at > otherAt : slot < other
  }

  private run(words: string[], limit: number, fuzzy: boolean, every: boolean): SearchHit[] {
    const slots = this.keys.length
    const { score, matched, seen } = this.scratchFor(slots)
    const groupsByWord = words.map((word, i) => this.groupsOf(word, i === words.length - 1, fuzzy))
    for (let i = 0; i < groupsByWord.length; i++) {
      const mark = (i % 255) + 1
      for (const group of groupsByWord[i]!) {
        const weight = group.weight
        for (const term of group.terms) {
          const list = group.table.postings.get(term)!
          for (let k = 0; k < list.length; k++) {
            const slot = list[k]!
            // With every word required, a slot counts for this word only if it matched all the
            // words before, and only once (its first, best weighted, group).
            if (every) {
              if (matched[slot] !== i) continue
            } else {
              if (seen[slot] === mark) continue
              seen[slot] = mark
            }
            matched[slot]!++
            score[slot]! += weight
          }
        }
      }
    }
    // Top-k: the best `limit` slots, best first. Slots are visited in order: reading the
    // per-slot arrays in order costs far less than following the postings' order.
    const best: number[] = []
    const totals: number[] = []
    const wanted = every ? words.length : 1
    for (let slot = 0; slot < slots; slot++) {
      if (matched[slot]! < wanted || this.keys[slot] === '') continue
      const total =
        score[slot]! +
        (this.types[slot] === 0 ? ENTITY_BONUS : 0) +
        (this.kinds[slot] === 'customer' ? CUSTOMER_BONUS : 0)
      if (best.length === limit) {
        const last = best.length - 1
        if (!this.ranksBefore(slot, total, best[last]!, totals[last]!)) continue
        best.pop()
        totals.pop()
      }
      let at = best.length
      while (at > 0 && this.ranksBefore(slot, total, best[at - 1]!, totals[at - 1]!)) at--
      best.splice(at, 0, slot)
      totals.splice(at, 0, total)
    }
    score.fill(0, 0, slots)
    matched.fill(0, 0, slots)
    seen.fill(0, 0, slots)
    return best.map((slot, i) => {
      const key = this.keys[slot]!
      const type = TYPES[this.types[slot]!]!
      const found = new Set<string>()
      for (const groups of groupsByWord) {
        for (const group of groups) {
          const term = group.terms.find((candidate) =>
            containsSlot(group.table.postings.get(candidate)!, slot),
          )
          if (term !== undefined) {
            found.add(term)
            break
          }
        }
      }
      return {
        id: key.slice(type.length + 1),
        type,
        kind: this.kinds[slot]!,
        title: this.titles[slot]!,
        at: this.at[slot]!,
        score: totals[i]!,
        terms: [...found],
      }
    })
  }
}

export interface Segment {
  text: string
  match: boolean
}

/**
 * `text` cut into segments, the words whose folded form is one of `terms` (already folded, as
 * `SearchHit.terms`) marked as matches. With `prefix`, a word also matches when it starts with a
 * term, for highlighting what is typed before it is a whole word.
 */
export function highlight(
  text: string,
  terms: readonly string[],
  { prefix = false }: { prefix?: boolean } = {},
): Segment[] {
  const wanted = new Set(terms.map(foldText).filter((term) => term !== ''))
  const segments: Segment[] = []
  if (wanted.size === 0) return text === '' ? [] : [{ text, match: false }]
  const matches = (word: string) => {
    const folded = foldText(word)
    if (wanted.has(folded)) return true
    return prefix && [...wanted].some((term) => folded.startsWith(term))
  }
  let last = 0
  const push = (part: string, match: boolean) => {
    if (part === '') return
    const previous = segments[segments.length - 1]
    if (previous && previous.match === match) previous.text += part
    else segments.push({ text: part, match })
  }
  for (const found of text.matchAll(WORD)) {
    if (!matches(found[0])) continue
    push(text.slice(last, found.index), false)
    push(found[0], true)
    last = found.index + found[0].length
  }
  push(text.slice(last), false)
  return segments
}

/**
 * About `length` characters of `text` around the first word that matches `terms`, cut at word
 * boundaries, with `…` where text was left out. Without a match, the start of the text.
 */
export function snippet(text: string, terms: readonly string[], length = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const wanted = new Set(terms.map(foldText))
  let at = 0
  for (const found of flat.matchAll(WORD)) {
    if (wanted.has(foldText(found[0]))) {
      at = found.index
      break
    }
  }
  let start = Math.max(0, at - Math.floor(length / 3))
  let end = Math.min(flat.length, start + length)
  start = Math.max(0, end - length)
  if (start > 0) {
    const space = flat.indexOf(' ', start)
    if (space !== -1 && space < at) start = space + 1
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    if (space > at) end = space
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}
