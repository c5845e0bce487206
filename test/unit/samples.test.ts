/**
 * The two sample notebooks (assets/samples/sample-{fr,en}.carnet, built by
 * scripts/build-samples.mjs): valid, linked, one world in two languages, and telling true stories
 * (a known prescriber, an ambassador, a sceptic, a rising tag, lapsed and top customers).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseNotebookText } from '../../src/io/notebook-file'
import type { NotebookFile } from '../../src/io/notebook-file'
import type { Entity, Tie } from '../../src/model/records'
import { TABLE_NAMES } from '../../src/model/records'
import { TIE_TYPES } from '../../src/model/vocabulary'

const SAMPLES = new URL('../../assets/samples/', import.meta.url)
const DAY = 86_400_000
const LANGUAGES = ['fr', 'en'] as const
type Lang = (typeof LANGUAGES)[number]

/** The people the sample is built around, by language. */
const CAST = {
  prescriber: { fr: 'Hélène Marchand', en: 'Helen Marsh' },
  ambassador: { fr: 'Sophie Lefèvre', en: 'Sophie Fletcher' },
  sceptic: { fr: 'Gérard Pichon', en: 'Gerald Pike' },
  topSpender: { fr: 'Marc Olivier', en: 'Mark Oliver' },
} as const
const RISING_TAG = 'vegan'

function load(lang: Lang): { file: NotebookFile; refused: number } {
  const text = readFileSync(fileURLToPath(new URL(`sample-${lang}.carnet`, SAMPLES)), 'utf8')
  const result = parseNotebookText(text)
  if (!result.ok) throw new Error(`sample-${lang} did not parse: ${result.error.code}`)
  return { file: result.file, refused: result.report.refused.length }
}

const samples = Object.fromEntries(LANGUAGES.map((lang) => [lang, load(lang)])) as Record<
  Lang,
  { file: NotebookFile; refused: number }
>

const isInfluence = (tie: Tie) => TIE_TYPES[tie.type].family === 'influence'
const mentionIds = (text: string) =>
  [...text.matchAll(/\]\(carnet:entity\/([^)\s]+)\)/g)].map((match) => match[1] ?? '')

function byName(file: NotebookFile, name: string): Entity {
  const found = file.tables.entities.filter((entity) => entity.name === name)
  expect(found, name).toHaveLength(1)
  return found[0]!
}

describe.each(LANGUAGES)('sample notebook (%s)', (lang) => {
  const { file, refused } = samples[lang]
  const { entities, ties, notes, transactions, consents } = file.tables
  const byId = new Map(entities.map((entity) => [entity.id, entity]))
  const customers = entities.filter((entity) => entity.kind === 'customer')
  const anchor = file.anchor ?? NaN

  it('parses with no refused record, and has an anchor', () => {
    expect(refused).toBe(0)
    expect(file.name).toBe(
      lang === 'fr' ? 'Boulangerie du Canal (exemple)' : 'Canal Street Bakery (sample)',
    )
    expect(Number.isInteger(anchor)).toBe(true)
    expect(file.tables.maps).toEqual([])
    expect(file.tables.segments).toEqual([])
    expect(file.tables.decks).toEqual([])
    expect(file.tables.trash).toEqual([])
  })

  it('has about the right number of records', () => {
    expect(customers.length).toBeGreaterThanOrEqual(35)
    expect(customers.length).toBeLessThanOrEqual(45)
    const others = entities.length - customers.length
    expect(others).toBeGreaterThanOrEqual(55)
    expect(others).toBeLessThanOrEqual(70)
    expect(ties.length).toBeGreaterThanOrEqual(110)
    expect(ties.length).toBeLessThanOrEqual(140)
    expect(notes.length).toBeGreaterThanOrEqual(140)
    expect(notes.length).toBeLessThanOrEqual(170)
    expect(transactions.length).toBeGreaterThanOrEqual(1_000)
    expect(consents.length).toBeGreaterThan(0)
  })

  it('covers every kind of entity, tie family, note kind and touchpoint', () => {
    expect(new Set(entities.map((entity) => entity.kind)).size).toBe(7)
    expect(new Set(ties.map((tie) => TIE_TYPES[tie.type].family)).size).toBe(6)
    expect(new Set(notes.map((note) => note.kind)).size).toBe(7)
    expect(new Set(notes.map((note) => note.touchpoint)).size).toBe(8)
    expect(new Set(entities.filter((e) => e.kind === 'product').map((e) => e.side))).toEqual(
      new Set(['ours', 'competitor', 'substitute', 'complement']),
    )
    expect(new Set(customers.map((customer) => customer.stage))).toEqual(
      new Set(['known', 'better-known', 'attended', 'engaged']),
    )
  })

  it('dates everything before the anchor', () => {
    const dates: number[] = []
    for (const table of TABLE_NAMES) {
      for (const record of file.tables[table] as { createdAt: number; updatedAt: number }[]) {
        dates.push(record.createdAt, record.updatedAt)
        expect(record.updatedAt).toBeGreaterThanOrEqual(record.createdAt)
      }
    }
    for (const tie of ties) if (tie.since !== undefined) dates.push(tie.since)
    for (const note of notes) {
      dates.push(note.at)
      if (note.followUp?.due !== undefined) dates.push(note.followUp.due)
      if (note.followUp?.doneAt !== undefined) dates.push(note.followUp.doneAt)
    }
    for (const transaction of transactions) dates.push(transaction.at)
    for (const consent of consents) dates.push(consent.at)
    for (const entity of entities) if (entity.stageOverride) dates.push(entity.stageOverride.at)
    expect(Math.max(...dates)).toBeLessThanOrEqual(anchor)
    // Notes span the year before the anchor.
    const noteTimes = notes.map((note) => note.at)
    expect(anchor - Math.min(...noteTimes)).toBeGreaterThan(330 * DAY)
    expect(anchor - Math.min(...noteTimes)).toBeLessThanOrEqual(366 * DAY)
  })

  it('links only to records that exist', () => {
    for (const tie of ties) {
      expect(byId.has(tie.from), `tie ${tie.id} from`).toBe(true)
      expect(byId.has(tie.to), `tie ${tie.id} to`).toBe(true)
    }
    const noteIds = new Set(notes.map((note) => note.id))
    for (const tie of ties)
      for (const id of tie.evidence) expect(noteIds.has(id), `evidence ${id}`).toBe(true)
    expect(ties.filter((tie) => tie.evidence.length > 0).length).toBeGreaterThan(40)
    for (const note of notes) {
      for (const id of note.about) expect(byId.has(id), `note ${note.id} about ${id}`).toBe(true)
      const mentioned = mentionIds(note.text)
      for (const id of mentioned) {
        expect(byId.has(id), `note ${note.id} mentions ${id}`).toBe(true)
        expect(note.about).toContain(id)
      }
      // about = the mentions, plus at most the main customer.
      const extra = note.about.filter((id) => !mentioned.includes(id))
      expect(extra.length).toBeLessThanOrEqual(1)
      for (const id of extra) expect(byId.get(id)?.kind).toBe('customer')
    }
    for (const transaction of transactions) {
      expect(byId.get(transaction.customerId)?.kind, transaction.externalRef).toBe('customer')
    }
    for (const consent of consents) expect(byId.get(consent.entityId)?.kind).toBe('customer')
  })

  it('writes tags inline and lists exactly those', () => {
    for (const note of notes) {
      const inline = [...note.text.matchAll(/(?:^|[\s(])#([a-z0-9][a-z0-9-]*)/g)].map(
        (match) => match[1],
      )
      expect(new Set(inline), note.text).toEqual(new Set(note.tags))
      for (const tag of note.tags) expect(tag).toBe(tag.toLowerCase())
    }
  })

  it('adds up every transaction, in euro cents', () => {
    for (const transaction of transactions) {
      expect(transaction.currency).toBe('EUR')
      expect(Number.isInteger(transaction.amount)).toBe(true)
      const sum = transaction.items.reduce((total, item) => total + (item.amount ?? 0), 0)
      expect(sum, transaction.externalRef).toBe(transaction.amount)
    }
    const refs = transactions.map((transaction) => transaction.externalRef)
    expect(new Set(refs).size).toBe(refs.length)
  })

  it('makes the prescriber the most connected by influence', () => {
    const prescriber = byName(file, CAST.prescriber[lang])
    expect(prescriber.kind).toBe('person')
    const degree = new Map<string, number>()
    for (const tie of ties.filter(isInfluence)) {
      for (const id of [tie.from, tie.to]) degree.set(id, (degree.get(id) ?? 0) + 1)
    }
    const ranked = [...degree.entries()].sort((a, b) => b[1] - a[1])
    expect(ranked[0]?.[0]).toBe(prescriber.id)
    expect(ranked[0]![1]).toBeGreaterThan(ranked[1]![1])
    const prescribed = ties.filter(
      (tie) => tie.from === prescriber.id && (tie.type === 'prescribes' || tie.type === 'referred'),
    )
    expect(prescribed.length).toBeGreaterThanOrEqual(6)
    for (const tie of prescribed) expect(byId.get(tie.to)?.kind).toBe('customer')
  })

  it('ranks the prescriber first by PageRank over influence ties, in both directions', () => {
    const prescriber = byName(file, CAST.prescriber[lang])
    for (const reverse of [false, true]) {
      const ranked = pageRank(
        entities.map((entity) => entity.id),
        ties.filter(isInfluence),
        reverse,
      )
      expect(ranked[0]?.[0]).toBe(prescriber.id)
      expect(ranked[0]![1]).toBeGreaterThan(ranked[1]![1] * 1.3)
    }
  })

  it('has an ambassador who brings others, and a sceptic with negative ties', () => {
    const ambassador = byName(file, CAST.ambassador[lang])
    const brought = ties.filter(
      (tie) =>
        tie.from === ambassador.id && isInfluence(tie) && byId.get(tie.to)?.kind === 'customer',
    )
    expect(brought.length).toBeGreaterThanOrEqual(4)
    expect(ambassador.stage).toBe('engaged')

    const sceptic = byName(file, CAST.sceptic[lang])
    const negative = ties.filter(
      (tie) => (tie.from === sceptic.id || tie.to === sceptic.id) && tie.sentiment < 0,
    )
    expect(negative.length).toBeGreaterThanOrEqual(4)
    expect(
      ties.filter((tie) => tie.from === sceptic.id && isInfluence(tie)).length,
    ).toBeGreaterThanOrEqual(4)
  })

  it('shows a rising tag: far more frequent in the last five weeks than in any earlier five', () => {
    const window = 35 * DAY
    const counts = new Map<number, number>()
    for (const note of notes) {
      if (!note.tags.includes(RISING_TAG)) continue
      const bucket = Math.floor((anchor - note.at) / window)
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1)
    }
    const recent = counts.get(0) ?? 0
    const earlier = Math.max(
      0,
      ...[...counts.entries()].filter(([bucket]) => bucket > 0).map(([, n]) => n),
    )
    expect(recent).toBeGreaterThanOrEqual(10)
    expect(recent).toBeGreaterThanOrEqual(5 * Math.max(1, earlier))
  })

  it('leaves some feedback loops open, some overdue', () => {
    const loops = notes.filter((note) => note.followUp)
    const open = loops.filter((note) => note.followUp?.doneAt === undefined)
    expect(loops.length).toBeGreaterThan(30)
    expect(open.length).toBeGreaterThanOrEqual(6)
    expect(open.length).toBeLessThanOrEqual(12)
    expect(
      open.filter((note) => (note.followUp?.due ?? Infinity) < anchor).length,
    ).toBeGreaterThanOrEqual(4)
    for (const note of loops) expect(['complaint', 'question', 'idea']).toContain(note.kind)
  })

  it('has very unequal value, and lapsed customers', () => {
    const spend = new Map<string, number>()
    const last = new Map<string, number>()
    for (const transaction of transactions) {
      spend.set(
        transaction.customerId,
        (spend.get(transaction.customerId) ?? 0) + transaction.amount,
      )
      last.set(
        transaction.customerId,
        Math.max(last.get(transaction.customerId) ?? 0, transaction.at),
      )
    }
    const total = [...spend.values()].reduce((a, b) => a + b, 0)
    const ranked = [...spend.entries()].sort((a, b) => b[1] - a[1])
    expect(ranked[0]?.[0]).toBe(byName(file, CAST.topSpender[lang]).id)
    expect(ranked[0]![1]).toBeGreaterThan(total * 0.3)
    expect(spend.size).toBe(customers.length)
    const lapsed = [...last.values()].filter((at) => anchor - at > 120 * DAY)
    expect(lapsed.length).toBeGreaterThanOrEqual(3)
  })
})

describe('the two samples', () => {
  const fr = samples.fr.file
  const en = samples.en.file

  it('are one world: the same records, ids, dates and amounts in both languages', () => {
    for (const table of TABLE_NAMES) {
      const frIds = (fr.tables[table] as { id: string }[]).map((record) => record.id)
      const enIds = (en.tables[table] as { id: string }[]).map((record) => record.id)
      expect(enIds, table).toEqual(frIds)
    }
    expect(en.anchor).toBe(fr.anchor)
    expect(en.tables.transactions.map((t) => [t.at, t.amount])).toEqual(
      fr.tables.transactions.map((t) => [t.at, t.amount]),
    )
    expect(en.tables.ties.map((t) => [t.from, t.type, t.to])).toEqual(
      fr.tables.ties.map((t) => [t.from, t.type, t.to]),
    )
    expect(en.tables.notes.map((n) => [n.at, n.kind, [...n.about].sort()])).toEqual(
      fr.tables.notes.map((n) => [n.at, n.kind, [...n.about].sort()]),
    )
  })

  it('are written in their own language', () => {
    const frNames = new Set(
      fr.tables.entities.filter((e) => e.kind === 'customer').map((e) => e.name),
    )
    const enNames = en.tables.entities.filter((e) => e.kind === 'customer').map((e) => e.name)
    expect(enNames.filter((name) => frNames.has(name)).length).toBeLessThan(5)
    const same = fr.tables.notes.filter((note, i) => note.text === en.tables.notes[i]?.text)
    expect(same).toEqual([])
  })
})

/** Weighted PageRank (by tie strength); `reverse` lets influence flow from the source. */
function pageRank(ids: string[], ties: Tie[], reverse: boolean): [string, number][] {
  const out = new Map<string, [string, number][]>(ids.map((id) => [id, []]))
  for (const tie of ties) {
    const [a, b] = reverse ? [tie.to, tie.from] : [tie.from, tie.to]
    out.get(a)?.push([b, tie.strength])
  }
  const n = ids.length
  let rank = new Map(ids.map((id) => [id, 1 / n]))
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Map(ids.map((id) => [id, 0.15 / n]))
    let dangling = 0
    for (const id of ids) {
      const edges = out.get(id) ?? []
      const total = edges.reduce((sum, [, weight]) => sum + weight, 0)
      const own = rank.get(id) ?? 0
      if (total === 0) dangling += own
      else
        for (const [b, weight] of edges)
          next.set(b, (next.get(b) ?? 0) + (0.85 * own * weight) / total)
    }
    for (const id of ids) next.set(id, (next.get(id) ?? 0) + (0.85 * dangling) / n)
    rank = next
  }
  return [...rank.entries()].sort((a, b) => b[1] - a[1])
}
