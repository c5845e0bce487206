/**
 * The insights on the two sample notebooks tell the samples' story: Helen Marsh / Hélène
 * Marchand is the first prescriber, #vegan is a weak signal, Sophie is an ambassador and
 * Gerald / Gérard a sceptic. Influence and communities come from the real kernels.
 *
 * Dates: the samples are written relative to their anchor; they are loaded as the app loads
 * them (`shiftTables`, whole weeks), here with a shift of exactly ten weeks, so `now` is the
 * shifted anchor — the moment the sample's story is told from.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { detectCommunities } from '../../../src/graph/communities'
import { computeInfluence } from '../../../src/graph/influence'
import { computeInsights } from '../../../src/insights/insights-model'
import { analyseNotebook } from '../../../src/insights/analyse-notebook'
import {
  entityStanding,
  insightsOverview,
  socialStanding,
} from '../../../src/insights/insights-views'
import { shiftTables } from '../../../src/io/load-notebook'
import { parseNotebookText } from '../../../src/io/notebook-file'
import { computeValueModel } from '../../../src/value/value-model'
import { WEEK } from './build'

const CAST = {
  en: { prescriber: 'Helen Marsh', ambassador: 'Sophie Fletcher', sceptic: 'Gerald Pike' },
  fr: { prescriber: 'Hélène Marchand', ambassador: 'Sophie Lefèvre', sceptic: 'Gérard Pichon' },
} as const

function analyse(lang: 'en' | 'fr') {
  const text = readFileSync(
    fileURLToPath(new URL(`../../../assets/samples/sample-${lang}.carnet`, import.meta.url)),
    'utf8',
  )
  const parsed = parseNotebookText(text)
  if (!parsed.ok) throw new Error(`sample-${lang} did not parse`)
  const anchor = parsed.file.anchor!
  const shift = 10 * WEEK
  const now = anchor + shift
  const tables = shiftTables(parsed.file.tables, shift)
  const inputs = {
    entities: tables.entities,
    ties: tables.ties,
    notes: tables.notes,
    purchases: tables.transactions,
  }
  const influence = computeInfluence(inputs)
  const communities = detectCommunities(inputs)
  const value = computeValueModel({ ...inputs, now })
  const insights = computeInsights({ ...inputs, now, influence, communities, value })
  const idOf = (name: string) => tables.entities.find((entity) => entity.name === name)!.id
  const nameOf = (id: string) => tables.entities.find((entity) => entity.id === id)?.name ?? id
  const analysis = analyseNotebook(inputs, now)
  const kindOf = (id: string) => tables.entities.find((entity) => entity.id === id)?.kind
  return { insights, analysis, idOf, nameOf, kindOf }
}

describe.each(['en', 'fr'] as const)('insights of the %s sample', (lang) => {
  const { insights, analysis, idOf, nameOf, kindOf } = analyse(lang)
  const { influence, communities } = analysis
  const cast = CAST[lang]

  it("gives the prescriber's page its power, its rank among the connected and its community", () => {
    const id = idOf(cast.prescriber)
    const standing = entityStanding(analysis, id)!
    expect(standing.score).toEqual(influence.scores[id])
    const connected = influence.ranked.filter((other) => influence.scores[other]!.degree > 0)
    expect(standing.connected).toBe(connected.length)
    expect(connected[standing.rank - 1]).toBe(id)
    const own = communities.communities.find((community) => community.memberIds.includes(id))
    expect(own).toBeDefined()
    expect(standing.community).toEqual({ leaderId: own!.leaderId, name: own!.name })
    expect(entityStanding(analysis, 'not-an-entity')).toBeUndefined()
  })

  it("gives the segments screen every entity's power and the communities, and nothing else", () => {
    const social = socialStanding(analysis)
    expect(Object.keys(social).sort()).toEqual(['communities', 'power'])
    expect(social.communities).toEqual(communities.communities)
    const prescriber = idOf(cast.prescriber)
    expect(social.power[prescriber]).toEqual({ power: influence.scores[prescriber]!.power })
    expect(Object.keys(social.power).sort()).toEqual(Object.keys(influence.scores).sort())
  })

  it('gives the overview the first of each list, with the counts of the whole lists', () => {
    const overview = insightsOverview(structuredClone(analysis))
    expect(nameOf(overview.prescribers.first[0]!.id)).toBe(cast.prescriber)
    expect(overview.prescribers.total).toBe(analysis.insights.prescribers.length)
    expect(overview.ambassadors.first).toContain(idOf(cast.ambassador))
    expect(overview.sceptics.total).toBe(analysis.insights.voices.sceptics.length)
    expect(overview.rising.first.map((theme) => theme.id)).toContain('tag:vegan')
    expect(overview.people.first.length).toBeGreaterThan(0)
    for (const person of overview.people.first) {
      expect(['customer', 'person']).toContain(kindOf(person.id))
      expect(person.power).toBe(influence.scores[person.id]!.power)
    }
    const powers = overview.people.first.map((person) => person.power)
    expect(powers).toEqual([...powers].sort((a, b) => b - a))
    expect(overview.communities.first.map((community) => community.members)).toEqual(
      communities.communities.slice(0, 4).map((community) => community.memberIds.length),
    )
    expect(overview.overdueLoops).toBe(
      analysis.insights.attention.followUps.filter((loop) => loop.isOverdue).length,
    )
  })

  it('ranks the prescriber first', () => {
    const first = insights.prescribers[0]!
    expect(nameOf(first.id)).toBe(cast.prescriber)
    expect(first.customersInfluenced).toBeGreaterThanOrEqual(6)
    expect(first.customersInfluenced).toBeGreaterThan(insights.prescribers[1]!.customersInfluenced)
  })

  it('finds #vegan among the weak signals', () => {
    const rising = insights.themes.rising.map((theme) => theme.id)
    expect(rising).toContain('tag:vegan')
    const vegan = insights.themes.rising.find((theme) => theme.id === 'tag:vegan')!
    expect(vegan.recent).toBeGreaterThanOrEqual(10)
    expect(vegan.kind).toBe('tag')
  })

  it('names Sophie an ambassador and Gerald a sceptic', () => {
    const ambassadors = insights.voices.ambassadors.map((voice) => voice.id)
    const sceptics = insights.voices.sceptics.map((voice) => voice.id)
    expect(ambassadors).toContain(idOf(cast.ambassador))
    expect(sceptics).toContain(idOf(cast.sceptic))
    expect(ambassadors).not.toContain(idOf(cast.sceptic))
    expect(sceptics).not.toContain(idOf(cast.ambassador))
  })

  it('gives in one call the insights computed from the whole value model', () => {
    // The analysis computes only the value tiers, not the value model: the same insights.
    expect(analysis.insights).toEqual(insights)
  })

  it('is plain data that survives a structured clone', () => {
    expect(structuredClone(insights)).toEqual(insights)
    expect(JSON.parse(JSON.stringify(insights))).toEqual(insights)
  })
})
