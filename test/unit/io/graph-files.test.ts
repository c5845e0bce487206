import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { toGexf } from '../../../src/io/gexf'
import { importGraph, readGraphFile } from '../../../src/io/graph-import'
import { toGraphml } from '../../../src/io/graphml'
import { escapeAttribute, escapeText, parseXml, xmlSafe } from '../../../src/io/xml'
import type { Entity, Tie } from '../../../src/model/records'
import {
  ENTITY_KINDS,
  PLACE_MODES,
  PRODUCT_SIDES,
  STAGES,
  TIE_TYPE_NAMES,
} from '../../../src/model/vocabulary'
import { freshIndexedDb } from '../../helpers/fresh-idb'

const NOW = Date.UTC(2026, 10, 22)
const epoch = fc.integer({ min: 0, max: 4_102_444_800_000 })
const text = fc.string({ unit: 'binary', maxLength: 40 })
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)

const entityArbitrary = fc
  .record({
    id,
    kind: fc.constantFrom(...ENTITY_KINDS),
    name: text.map((name) => xmlSafe(name).trim()).filter((name) => name.length > 0),
    tags: fc.uniqueArray(
      text.map(xmlSafe).filter((tag) => tag.length > 0),
      { maxLength: 3 },
    ),
    summary: text.map(xmlSafe),
    side: fc.option(fc.constantFrom(...PRODUCT_SIDES), { nil: undefined }),
    placeMode: fc.option(fc.constantFrom(...PLACE_MODES), { nil: undefined }),
    stage: fc.option(fc.constantFrom(...STAGES), { nil: undefined }),
    createdAt: epoch,
    updatedAt: epoch,
  })
  .map((entity): Entity => {
    const clean: Record<string, unknown> = { ...entity }
    for (const key of ['side', 'placeMode', 'stage'])
      if (clean[key] === undefined) delete clean[key]
    return clean as Entity
  })

const graphArbitrary = fc
  .uniqueArray(entityArbitrary, { minLength: 2, maxLength: 8, selector: (entity) => entity.id })
  .chain((entities) =>
    fc
      .uniqueArray(
        fc
          .record({
            id,
            from: fc.constantFrom(...entities.map((entity) => entity.id)),
            to: fc.constantFrom(...entities.map((entity) => entity.id)),
            type: fc.constantFrom(...TIE_TYPE_NAMES),
            strength: fc.integer({ min: 1, max: 5 }),
            sentiment: fc.integer({ min: -2, max: 2 }),
            since: fc.option(epoch, { nil: undefined }),
            note: text.map(xmlSafe),
            evidence: fc.uniqueArray(id, { maxLength: 3 }),
            createdAt: epoch,
            updatedAt: epoch,
          })
          .filter((tie) => tie.from !== tie.to)
          .map((tie): Tie => {
            const clean: Record<string, unknown> = { ...tie }
            if (clean.since === undefined) delete clean.since
            return clean as Tie
          }),
        { maxLength: 12, selector: (tie) => tie.id },
      )
      .map((ties) => ({ entities, ties })),
  )

describe('xml', () => {
  it('escapes text and attributes and reads them back', () => {
    fc.assert(
      fc.property(text, (value) => {
        const document = `<a b="${escapeAttribute(value)}">${escapeText(value)}</a>`
        const root = parseXml(document)
        return root.attributes.b === xmlSafe(value) && root.text === xmlSafe(value)
      }),
    )
  })

  it('refuses document type declarations and malformed documents', () => {
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow(/Document type/)
    expect(() => parseXml('<a><b></a>')).toThrow()
    expect(() => parseXml('<a>&nope;</a>')).toThrow(/Unknown entity/)
    expect(() => parseXml('<a/><b/>')).toThrow(/one root/)
  })
})

describe('GraphML and GEXF', () => {
  for (const [format, write] of [
    ['graphml', toGraphml],
    ['gexf', toGexf],
  ] as const) {
    it(`${format}: export then import gives the same entities, ties and attributes`, () => {
      fc.assert(
        fc.property(graphArbitrary, ({ entities, ties }) => {
          const file = write({ entities, ties, now: NOW })
          const read = readGraphFile(file, NOW)
          expect(read.ok).toBe(true)
          if (!read.ok) return
          expect(read.graph.format).toBe(format)
          expect(read.graph.entities).toEqual(entities)
          expect(read.graph.ties).toEqual(ties)
          expect(read.graph.repairs).toEqual([])
        }),
        { numRuns: 60 },
      )
    })
  }

  it('writes direction, weight and positions the way other tools read them', () => {
    const entities: Entity[] = [
      {
        id: 'a',
        kind: 'customer',
        name: 'Zoé <b>&"',
        tags: [],
        summary: '',
        createdAt: NOW,
        updatedAt: NOW,
      },
      {
        id: 'b',
        kind: 'place',
        name: 'Market',
        tags: [],
        summary: '',
        placeMode: 'physical',
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]
    const ties: Tie[] = [
      {
        id: 't',
        from: 'a',
        to: 'b',
        type: 'frequents',
        strength: 4,
        sentiment: 1,
        note: '',
        evidence: [],
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]
    const positions = new Map([['a', { x: 1.5, y: -2 }]])
    const graphml = toGraphml({ entities, ties, positions, now: NOW })
    expect(graphml).toContain('<edge id="t" source="a" target="b" directed="true">')
    expect(graphml).toContain('<data key="e_weight">4</data>')
    expect(graphml).toContain('<data key="label">Zoé &lt;b&gt;&amp;"</data>')
    expect(graphml).toContain('<data key="x">1.5</data>')
    const gexf = toGexf({ entities, ties, positions, now: NOW })
    expect(gexf).toContain('type="directed" weight="4"')
    expect(gexf).toContain('label="Zoé &lt;b&gt;&amp;&quot;"')
    expect(gexf).toContain('<viz:position x="1.5" y="2" z="0"/>')
  })

  it('reads a foreign GraphML file, guessing kinds and types', () => {
    const foreign = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="n0"><data key="d0">Alice</data></node>
    <node id="n1"><data key="d0">Bob</data></node>
    <node id="n2"/>
    <edge source="n0" target="n1"><data key="d1">0.4</data></edge>
    <edge source="n1" target="n9"/>
  </graph>
</graphml>`
    const read = readGraphFile(foreign, NOW)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.graph.entities.map((entity) => [entity.name, entity.kind])).toEqual([
      ['Alice', 'person'],
      ['Bob', 'person'],
      ['n2', 'person'],
    ])
    expect(read.graph.ties).toHaveLength(1)
    expect(read.graph.ties[0]).toMatchObject({
      from: 'n0',
      to: 'n1',
      type: 'recommends',
      strength: 1,
    })
    expect(read.graph.repairs).toHaveLength(3)
    expect(readGraphFile('<html/>', NOW)).toEqual({
      ok: false,
      message: '<html> is neither GraphML nor GEXF',
    })
  })
})

describe('importGraph', () => {
  let store: NotebookStore
  beforeEach(async () => {
    const db = createNotebookDb('graph-import', freshIndexedDb())
    await db.open()
    store = new NotebookStore(db)
  })

  it('imports into a notebook, under new ids where ids are taken', async () => {
    const file = toGraphml({
      entities: [
        {
          id: 'a',
          kind: 'customer',
          name: 'Zoé',
          tags: ['vegan'],
          summary: '',
          createdAt: NOW,
          updatedAt: NOW,
        },
        {
          id: 'b',
          kind: 'person',
          name: 'Paul',
          tags: [],
          summary: '',
          createdAt: NOW,
          updatedAt: NOW,
        },
      ],
      ties: [
        {
          id: 't',
          from: 'a',
          to: 'b',
          type: 'friend',
          strength: 5,
          sentiment: 2,
          note: 'x',
          evidence: [],
          createdAt: NOW,
          updatedAt: NOW,
        },
      ],
      now: NOW,
    })
    const read = readGraphFile(file, NOW)
    if (!read.ok) throw new Error(read.message)
    await store.write((writer) => importGraph(writer, read.graph))
    const { result } = await store.write((writer) => importGraph(writer, read.graph))
    expect(result).toEqual({ entities: 2, ties: 1 })
    expect(await store.db.entities.count()).toBe(4)
    const ties = await store.db.ties.toArray()
    expect(ties).toHaveLength(2)
    expect(new Set(ties.map((tie) => tie.from)).size).toBe(2)
    expect(ties.every((tie) => tie.strength === 5 && tie.note === 'x')).toBe(true)
  })
})
