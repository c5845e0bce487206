import { describe, expect, it } from 'vitest'
import { createNotebookDb } from '../../../src/db/notebook-db'
import { NotebookStore } from '../../../src/db/notebook-store'
import { loadNotebookFile } from '../../../src/io/load-notebook'
import { emptyTables } from '../../../src/io/notebook-file'
import { exportNotebook, notebookFileBytes } from '../../../src/io/notebook-transfer'
import { utf8Decode } from '../../../src/io/encryption'
import { applyErase, inactiveCustomers, planErase } from '../../../src/notebook/erase'
import { trashNote } from '../../../src/notebook/notes'
import { freshIndexedDb } from '../../helpers/fresh-idb'

const NOW = 1_750_000_000_000
const MARKER = '_a former customer_'
const note = (id: string, text: string, about: string[]) => ({
  id,
  text,
  kind: 'conversation' as const,
  touchpoint: 'shop' as const,
  at: 5,
  about,
  tags: [],
  facets: [],
  source: 'observed' as const,
  sentiment: 0,
  createdAt: 5,
  updatedAt: 5,
})

function notebook() {
  const tables = emptyTables()
  tables.entities = [
    {
      id: 'zoe-id',
      kind: 'customer',
      name: 'Zoé Martin',
      tags: [],
      summary: '',
      createdAt: 1,
      updatedAt: 1,
      contact: { emails: ['zoe@example.org'], phones: [] },
    },
    {
      id: 'bas-id',
      kind: 'customer',
      name: 'Bastien Roux',
      tags: [],
      summary: 'Friend of Zoé Martin',
      createdAt: 1,
      updatedAt: 1,
    },
  ]
  tables.ties = [
    {
      id: 't1',
      from: 'zoe-id',
      to: 'bas-id',
      type: 'recommends',
      strength: 3,
      sentiment: 0,
      note: '',
      evidence: ['n1'],
      createdAt: 1,
      updatedAt: 1,
    },
    {
      id: 't2',
      from: 'bas-id',
      to: 'bas-id',
      type: 'friend',
      strength: 3,
      sentiment: 0,
      note: 'met through zoé martin',
      evidence: ['n1', 'n2'],
      createdAt: 1,
      updatedAt: 1,
    },
  ]
  tables.notes = [
    note('n1', 'Only [@Zoé Martin](carnet:entity/zoe-id) here', ['zoe-id']),
    note(
      'n2',
      '[@Bastien Roux](carnet:entity/bas-id) came with [@Zoé](carnet:entity/zoe-id); Zoé Martin paid. Also Al.',
      ['bas-id', 'zoe-id'],
    ),
    note('n3', 'Bastien alone', ['bas-id']),
    note('n4', 'A note about Zoé Martin that was deleted', ['zoe-id']),
  ]
  tables.transactions = [
    {
      id: 'p1',
      customerId: 'zoe-id',
      at: 3,
      amount: 450,
      currency: 'EUR',
      items: [],
      createdAt: 3,
      updatedAt: 3,
    },
  ]
  tables.consents = [
    {
      id: 'k1',
      entityId: 'zoe-id',
      purpose: 'newsletter',
      given: true,
      at: 2,
      how: 'in person',
      createdAt: 2,
      updatedAt: 2,
    },
  ]
  tables.maps = [
    {
      id: 'm1',
      name: 'Map',
      filters: { ids: ['zoe-id', 'bas-id'] },
      positions: {
        'zoe-id': { x: 1, y: 2, pinned: false },
        'bas-id': { x: 3, y: 4, pinned: true },
      },
      style: {},
      camera: { x: 0, y: 0, k: 1 },
      createdAt: 1,
      updatedAt: 1,
    },
  ]
  return tables
}

describe('erasing a customer', () => {
  it('leaves no trace of their name or id in any table, nor in the next export', async () => {
    const db = createNotebookDb('erase', freshIndexedDb())
    await db.open()
    await loadNotebookFile(
      db,
      {
        format: 'carnet-notebook',
        formatVersion: 1,
        schemaVersion: 1,
        name: 'x',
        exportedAt: 0,
        tables: notebook(),
      },
      NOW,
    )
    const store = new NotebookStore(db, () => NOW)
    await store.write((writer) => trashNote(writer, 'n4'))
    const before = await exportNotebook(db, 'Shop', NOW)
    const plan = planErase(before.tables, 'zoe-id', MARKER)!
    expect(plan.counts).toEqual({
      entities: 1,
      ties: 1,
      notes: 1,
      purchases: 1,
      consents: 1,
      trash: 1,
      mentions: 1,
    })
    const { changes } = await store.write((writer) => applyErase(writer, plan))
    expect(changes.length).toBeGreaterThan(0)

    const after = await exportNotebook(db, 'Shop', NOW)
    for (const [table, rows] of Object.entries(after.tables)) {
      const json = JSON.stringify(rows)
      expect(json, table).not.toContain('zoe-id')
      expect(json.toLowerCase(), table).not.toContain('zoé martin')
      expect(json, table).not.toContain('zoe@example.org')
    }
    const text = utf8Decode(await notebookFileBytes(after))
    expect(text).not.toContain('zoe-id')
    expect(text).not.toContain('Zoé Martin')
    const n2 = after.tables.notes.find((entry) => entry.id === 'n2')!
    expect(n2.text).toBe(
      `[@Bastien Roux](carnet:entity/bas-id) came with ${MARKER}; ${MARKER} paid. Also Al.`,
    )
    expect(n2.about).toEqual(['bas-id'])
    expect(after.tables.ties.find((tie) => tie.id === 't2')!.evidence).toEqual(['n2'])
    expect(after.tables.maps[0]!.positions).toEqual({ 'bas-id': { x: 3, y: 4, pinned: true } })
    expect(after.tables.entities.map((entity) => entity.id)).toEqual(['bas-id'])
  })

  it('returns nothing to do for an unknown id', () => {
    expect(planErase(notebook(), 'nobody', MARKER)).toBeUndefined()
  })
})

describe('inactiveCustomers', () => {
  it('lists customers with no activity for N years, oldest first', () => {
    const tables = notebook()
    const year = 365.25 * 24 * 60 * 60 * 1000
    tables.notes = [note('n', 'recent', ['bas-id'])]
    tables.notes[0]!.at = 10 * year
    tables.transactions = []
    tables.consents = []
    expect(inactiveCustomers(tables, 2, 11 * year).map((entry) => entry.entity.id)).toEqual([
      'zoe-id',
    ])
    expect(inactiveCustomers(tables, 2, 13 * year).map((entry) => entry.entity.id)).toEqual([
      'zoe-id',
      'bas-id',
    ])
  })
})
