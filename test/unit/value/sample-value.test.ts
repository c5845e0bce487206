/** The value kernels on the English sample tell the sample's story: who spends, who lapsed. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { shiftTables } from '../../../src/io/load-notebook'
import { parseNotebookText } from '../../../src/io/notebook-file'
import { analyseNotebook } from '../../../src/insights/analyse-notebook'
import {
  BUILT_IN_SEGMENTS,
  evaluateSegment,
  withSocialFacts,
} from '../../../src/value/segment-rules'
import { computeValueModel } from '../../../src/value/value-model'
import { paretoMarks, rfmGridCells, valueMapPoints } from '../../../src/value/chart-data'
import { unpackShownModel } from '../../../src/value/shown-model-wire'
import {
  customerStanding,
  listColumns,
  listSummaries,
  segmentMembers,
  segmentsScreen,
} from '../../../src/value/value-views'

const text = readFileSync(
  fileURLToPath(new URL('../../../assets/samples/sample-en.carnet', import.meta.url)),
  'utf8',
)
const parsed = parseNotebookText(text)
if (!parsed.ok) throw new Error('sample did not parse')
const now = Date.UTC(2026, 10, 20)
const WEEK = 7 * 86_400_000
const tables = shiftTables(
  parsed.file.tables,
  Math.floor((now - (parsed.file.anchor ?? now)) / WEEK) * WEEK,
)
const model = computeValueModel({
  entities: tables.entities,
  ties: tables.ties,
  notes: tables.notes,
  purchases: tables.transactions,
  now,
})
const idOf = (name: string) => tables.entities.find((entity) => entity.name === name)!.id
const groupOf = (name: string) => model.rfm.get(idOf(name))?.group

describe('value of the English sample', () => {
  it('counts the open feedback loops the follow-ups screen lists', () => {
    const open = tables.notes.filter(
      (note) =>
        ['complaint', 'question', 'idea'].includes(note.kind) &&
        note.followUp !== undefined &&
        note.followUp.doneAt === undefined,
    )
    expect(open.length).toBeGreaterThan(0)
    expect(model.openLoops).toBe(open.length)
  })

  it('ranks Mark Oliver first with about 46% of revenue, in the top 5% (2 of 40 buyers)', () => {
    expect(model.tiers.ranking).toHaveLength(40)
    expect(model.tiers.top5.ids).toEqual([idOf('Mark Oliver'), idOf('Isabel Gardner')])
    const mark = model.tiers.pareto[0]!
    expect(mark.id).toBe(idOf('Mark Oliver'))
    expect(mark.revenueShare).toBeGreaterThan(0.44)
    expect(mark.revenueShare).toBeLessThan(0.48)
    for (const name of ['Isabel Gardner', 'Rashid Amin', 'Claire Dawson']) {
      expect(model.tiers.top20.ids).toContain(idOf(name))
    }
  })

  it('names the lapsed and new customers', () => {
    const groups = Object.fromEntries(
      [
        'Mark Oliver',
        'Kevin Nguyen',
        'Patrick Reynolds',
        'Nathan Doyle',
        'Victor Langley',
        'Alice Robinson',
      ].map((name) => [name, groupOf(name)]),
    )
    // Patrick Reynolds lapsed too, but by quintile he scores 1-1-1 like Nathan and Victor
    // (all three are in the bottom fifth on recency, frequency and spend): lost, not hibernating.
    expect(groups).toMatchObject({
      'Kevin Nguyen': 'at-risk',
      'Patrick Reynolds': 'lost',
      'Nathan Doyle': 'lost',
      'Victor Langley': 'lost',
    })
    expect(['new', 'promising']).toContain(groups['Alice Robinson'])
    expect(['champions', 'loyal']).toContain(groups['Mark Oliver'])
  })

  it('has champions among the built-in segments', () => {
    const champions = BUILT_IN_SEGMENTS.find((segment) => segment.id === 'builtin:rfm:champions')!
    expect(evaluateSegment(champions.rule, model.segmentData).length).toBeGreaterThan(0)
  })
})

describe('chart data of the English sample', () => {
  it('puts every buyer in exactly one RFM cell, and champions in the top corner', () => {
    const cells = rfmGridCells(model)
    expect(cells).toHaveLength(25)
    expect(cells.reduce((sum, cell) => sum + cell.ids.length, 0)).toBe(model.rfm.size)
    const corner = cells.find((cell) => cell.recency === 5 && cell.frequency === 5)!
    for (const id of corner.ids) expect(model.rfm.get(id)?.group).toBe('champions')
    for (const cell of cells) {
      if (cell.ids.length > 0) {
        expect(cell.averageMonetary).toBeGreaterThanOrEqual(1)
        expect(cell.averageMonetary).toBeLessThanOrEqual(5)
      }
    }
  })

  it('marks the top 5% and 20% on the Pareto curve', () => {
    const [top5, top20] = paretoMarks(model)
    expect(top5).toMatchObject({ tier: 'top-5', customerShare: 2 / 40 })
    expect(top20!.ids).toHaveLength(8)
    expect(top20!.revenueShare).toBeGreaterThan(top5!.revenueShare)
    expect(valueMapPoints(model)).toHaveLength(model.customers.length)
  })
})

describe("the views screens receive of the sample's value model", () => {
  it("gives the list every customer's last contact and value, as the model has them", () => {
    const columns = structuredClone(listColumns(model))
    const summaries = listSummaries(columns)
    expect(summaries.size).toBe(model.summaries.size)
    for (const [id, summary] of model.summaries) {
      expect(summaries.get(id)).toEqual({
        lastContactAt: summary.lastContactAt,
        total: summary.value.total,
        currency: summary.value.currency,
      })
    }
    expect(summaries.get(idOf('Mark Oliver'))!.total).toBeGreaterThan(0)
  })

  it('gives a customer page the scores, group and tier; a new customer the notebook currency', () => {
    const mark = customerStanding(model, idOf('Mark Oliver'))
    expect(mark.tier).toBe('top-5')
    expect(mark.rfm).toEqual(model.rfm.get(idOf('Mark Oliver')))
    expect(customerStanding(model, idOf('Alice Robinson')).rfm?.group).toBe('promising')
    // A customer added since, who has bought nothing yet.
    expect(customerStanding(model, 'c-new')).toEqual({
      rfm: undefined,
      tier: undefined,
      currency: model.summaries.get(idOf('Mark Oliver'))!.value.currency,
    })
  })

  it("gives the map a segment's members, and none for a rule that does not read", () => {
    for (const segment of BUILT_IN_SEGMENTS) {
      expect(segmentMembers(model, JSON.stringify(segment.rule))).toEqual(
        evaluateSegment(segment.rule, model.segmentData),
      )
    }
    expect(segmentMembers(model, JSON.stringify(BUILT_IN_SEGMENTS[0]!.rule))).toHaveLength(2)
    expect(segmentMembers(model, '{not json')).toEqual([])
    expect(segmentMembers(model, '{"match":"sometimes"}')).toEqual([])
  })

  it('gives the Segments screen every segment asked for, found as on the whole model', () => {
    const own = { match: 'all', conditions: [{ type: 'tag', tag: 'regular' }] }
    const rules = [
      ...BUILT_IN_SEGMENTS.map((segment) => ({ id: segment.id, rule: segment.rule })),
      { id: 'own', rule: own },
      { id: 'broken', rule: { match: 'sometimes' } },
    ]
    const screen = segmentsScreen(model, JSON.stringify({ rules }))
    for (const segment of BUILT_IN_SEGMENTS) {
      expect(screen.members[segment.id]).toEqual(evaluateSegment(segment.rule, model.segmentData))
    }
    expect(screen.members.own).toEqual(evaluateSegment(own as never, model.segmentData))
    expect(screen.members.own).toHaveLength(8)
    expect(screen.members.broken).toEqual([])
    // The facts customers are matched on stay in the worker; the charts' data is all there.
    const shown = unpackShownModel(structuredClone(screen.model))
    expect(shown).not.toHaveProperty('segmentData')
    expect(shown.customers).toHaveLength(model.customers.length)
    expect(valueMapPoints(shown)).toEqual(valueMapPoints(model))
  })

  it('matches rules on social power and community with the facts the page sends', () => {
    const analysis = analyseNotebook(
      {
        entities: tables.entities,
        ties: tables.ties,
        notes: tables.notes,
        purchases: tables.transactions,
      },
      now,
    )
    const leader = analysis.communities.communities[0]!
    const rules = [
      { id: 'powerful', rule: { match: 'all', conditions: [{ type: 'power', min: 50 }] } },
      {
        id: 'community',
        rule: { match: 'all', conditions: [{ type: 'community', leaderId: leader.leaderId }] },
      },
    ]
    const social = {
      power: analysis.influence.scores,
      communities: analysis.communities.communities,
    }
    const screen = segmentsScreen(model, JSON.stringify({ rules, social }))
    const data = withSocialFacts(model.segmentData, social)
    expect(screen.members.powerful).toEqual(evaluateSegment(rules[0]!.rule as never, data))
    expect(screen.members.powerful!.length).toBeGreaterThan(0)
    expect(screen.members.community).toEqual(evaluateSegment(rules[1]!.rule as never, data))
    expect(screen.members.community!.length).toBeGreaterThan(0)
    // Without the facts, such rules match no one.
    const without = segmentsScreen(model, JSON.stringify({ rules }))
    expect(without.members.powerful).toEqual([])
  })
})
