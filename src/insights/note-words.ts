/**
 * The words of a note, for counting themes: the prose only, in French or English.
 *
 * What is not a word here: mention links `[@Name](carnet:entity/<id>)` (name and link), the
 * targets of other links (their text stays), bare URLs and e-mail addresses, inline `#tags`
 * (counted as tags), markdown punctuation, numbers, words of fewer than `MIN_LETTERS` (3)
 * letters, and English and French stopwords (stopwords-iso lists). Elisions are split — `l'été`
 * gives `été`, `Helen's` gives `helen` — unless the whole form is a stopword (`aujourd'hui`).
 *
 * Words are lowercased; accents are kept in what is shown and stripped only in the matching key
 * (`wordKey`), so `végane` and `vegane` are one word while the label keeps its accent.
 */
import stopwordsEn from 'stopwords-en/stopwords-en.json'
import stopwordsFr from 'stopwords-fr/stopwords-fr.json'
import { tagPattern } from '../notebook/note-text'

export const MIN_LETTERS = 3

/** The matching form: lowercase, no diacritics, ligatures opened, straight apostrophe. */
export function wordKey(word: string): string {
  return word
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/’/g, "'")
}

/**
 * Words of shop talk that the general lists leave in but that say nothing of a theme: verbs of
 * reporting and asking, and units of time ("she told us", "il demande", "every week").
 */
const CONVERSATION_WORDS = [
  'told',
  'tell',
  'tells',
  'said',
  'says',
  'asked',
  'asks',
  'suggests',
  'suggested',
  'wants',
  'wanted',
  'left',
  'came',
  'comes',
  'brought',
  'people',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'today',
  'yesterday',
  'tomorrow',
  'morning',
  'afternoon',
  'evening',
  'time',
  'times',
  'demande',
  'demandé',
  'demandait',
  'dit',
  'disait',
  'raconte',
  'propose',
  'proposé',
  'veut',
  'voulait',
  'voudrait',
  'pris',
  'prend',
  'venu',
  'venue',
  'revenu',
  'revenue',
  'passé',
  'passée',
  'gens',
  'jour',
  'jours',
  'semaine',
  'semaines',
  'mois',
  'année',
  'années',
  'matin',
  'soir',
  'fois',
  'hier',
  'demain',
]

const STOPWORDS: ReadonlySet<string> = new Set(
  [...stopwordsEn, ...stopwordsFr, ...CONVERSATION_WORDS].map(wordKey),
)

/** French elided articles and pronouns (`l'`, `qu'`…): the word is what follows. */
const ELISIONS: ReadonlySet<string> = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
])
/** English contractions and possessive (`'s`, `'ll`…): the word is what precedes. */
const CONTRACTIONS: ReadonlySet<string> = new Set(['s', 'll', 're', 've', 'd', 't', 'm'])

const MENTION_LINK = /\[@[^\]\n]*\]\(carnet:entity\/[^)\s]*\)/g
const LINK_TARGET = /\]\([^)\s]*\)/g
const URL = /\b(?:https?:\/\/|www\.)\S+/gi
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g
const NON_ASCII_LETTER = /^[\p{L}\p{M}]+$/u

/**
 * The prose of a note's markdown, lowercase: links reduced to their text (mentions removed
 * whole), URLs, e-mail addresses and tags removed. Each pass runs only when its marker is in
 * the text: most notes have no URL, e-mail or link.
 */
export function noteProse(text: string): string {
  // No Unicode normalisation of the whole text (it costs more than the rest of the pass): the
  // scanner keeps combining marks inside words, keys strip them, and spellings are normalised
  // once per distinct word by the reader.
  let prose = text
  // Plain string replacements (no callback): mentions go whole, other links keep their text.
  if (prose.includes('](')) prose = prose.replace(MENTION_LINK, ' ').replace(LINK_TARGET, ' ')
  if (prose.includes('://') || prose.includes('www.')) prose = prose.replace(URL, ' ')
  if (prose.includes('@')) prose = prose.replace(EMAIL, ' ')
  if (prose.includes('#')) prose = prose.replace(tagPattern(), (_, before: string) => `${before} `)
  return prose.toLowerCase()
}

/**
 * Whether a lowercase spelling is a word to count, and which: the spelling itself, the part an
 * elision or contraction leaves, or null (stopword, too short, not a word).
 */
export function countedForm(spelling: string): string | null {
  const key = wordKey(spelling)
  if (STOPWORDS.has(key)) return null
  if (key.includes("'")) {
    const parts = spelling.split(/['’]/)
    const first = wordKey(parts[0]!)
    if (ELISIONS.has(first)) return countedForm(parts.slice(1).join("'"))
    const last = wordKey(parts.at(-1)!)
    if (CONTRACTIONS.has(last)) return countedForm(parts.slice(0, -1).join("'"))
  }
  return key.replace(/'/g, '').length >= MIN_LETTERS ? spelling : null
}

/**
 * The runs of letters of a text (any alphabet, with their combining marks), an apostrophe
 * between two letters kept inside (`l'été`, `don't`). A hand-written scanner rather than a
 * Unicode regex: twice as fast on ASCII-heavy text, which is where the time of the themes goes.
 */
export function tokens(text: string): string[] {
  const found: string[] = []
  const length = text.length
  let start = -1
  let index = 0
  while (index < length) {
    const width = letterWidth(text, index)
    if (width > 0) {
      if (start < 0) start = index
      index += width
      continue
    }
    const code = text.charCodeAt(index)
    const apostrophe = code === 39 || code === 0x2019
    if (apostrophe && start >= 0 && index + 1 < length && letterWidth(text, index + 1) > 0) {
      index += 1
      continue
    }
    if (start >= 0) found.push(text.slice(start, index))
    start = -1
    index += 1
  }
  if (start >= 0) found.push(text.slice(start))
  return found
}

/** Code units of the letter (or combining mark) at `index`: 0 when it is not one. */
function letterWidth(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0
  // A letter outside the Basic Multilingual Plane is a surrogate pair: two code units.
  const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1
  return NON_ASCII_LETTER.test(text.slice(index, index + width)) ? width : 0
}

/** A counted word: its spelling (lowercase, accents kept), its matching key, and its index. */
export interface Word {
  /** 0, 1, 2… in order of first reading, per reader: lets callers keep arrays, not maps. */
  index: number
  spelling: string
  key: string
}

export interface WordReader {
  /** The counted words of a markdown text, in order, repeats kept. */
  read(text: string): Word[]
  /** Every distinct word read so far, by index. */
  words(): readonly Word[]
}

/**
 * A reader of notes' words. It memoises what each spelling gives, because the vocabulary of a
 * notebook is far smaller than its text: one reader for all the notes of a computation, and the
 * same `Word` object for every occurrence of a spelling.
 */
export function createWordReader(): WordReader {
  const words: Word[] = []
  const bySpelling = new Map<string, Word>()
  const wordOf = (token: string): Word | null => {
    const spelling = countedForm(token)?.normalize('NFC') ?? null
    if (spelling === null) return null
    // Elided forms (`l'épicerie`, `épicerie`) are one word: the Word of the spelling.
    let word = bySpelling.get(spelling)
    if (!word) {
      word = { index: words.length, spelling, key: wordKey(spelling) }
      words.push(word)
      bySpelling.set(spelling, word)
    }
    return word
  }

  // Every distinct run of letters read so far and what it gives, found through an
  // open-addressing table keyed by a hash computed while scanning: a run seen before (nearly
  // all of them) is found without slicing it out of the text. This lookup is the inner loop of
  // the themes; a Map keyed by sliced strings made it twice as slow.
  const runs: string[] = []
  const runHashes: number[] = []
  const runWords: (Word | null)[] = []
  let slots = new Int32Array(1 << 12).fill(-1)
  const find = (hash: number, text: string, start: number, end: number): number => {
    const mask = slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const run = slots[slot]!
      if (run < 0) return slot
      const seen = runs[run]!
      if (seen.length === end - start && text.startsWith(seen, start)) return slot
    }
  }
  const add = (hash: number, text: string, start: number, end: number, slot: number): number => {
    const run = runs.length
    const token = text.slice(start, end)
    runs.push(token)
    runHashes.push(hash)
    runWords.push(wordOf(token))
    slots[slot] = run
    if (runs.length * 2 > slots.length) {
      slots = new Int32Array(slots.length * 2).fill(-1)
      runs.forEach((seen, index) => {
        slots[find(runHashes[index]!, seen, 0, seen.length)] = index
      })
    }
    return run
  }

  return {
    read(text) {
      const prose = noteProse(text)
      const found: Word[] = []
      const length = prose.length
      let start = -1
      let hash = 0
      let index = 0
      // The scan of `tokens`, inlined, with an FNV-1a hash of each run's code units.
      while (index <= length) {
        const width = index < length ? letterWidth(prose, index) : 0
        if (width > 0) {
          if (start < 0) {
            start = index
            hash = 0x811c9dc5
          }
          for (let unit = index; unit < index + width; unit++) {
            hash = Math.imul(hash ^ prose.charCodeAt(unit), 0x01000193)
          }
          index += width
          continue
        }
        const code = prose.charCodeAt(index)
        if (
          (code === 39 || code === 0x2019) &&
          start >= 0 &&
          index + 1 < length &&
          letterWidth(prose, index + 1) > 0
        ) {
          hash = Math.imul(hash ^ code, 0x01000193)
          index += 1
          continue
        }
        if (start >= 0) {
          const slot = find(hash >>> 0, prose, start, index)
          const seen = slots[slot]!
          const run = seen >= 0 ? seen : add(hash >>> 0, prose, start, index, slot)
          const word = runWords[run]!
          if (word !== null) found.push(word)
        }
        start = -1
        index += 1
      }
      return found
    },
    words: () => words,
  }
}

/** The counted words of a text, lowercase spellings (accents kept), in order, repeats kept. */
export function noteWords(text: string): string[] {
  return createWordReader()
    .read(text)
    .map((word) => word.spelling)
}
