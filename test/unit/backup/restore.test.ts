import { describe, expect, it } from 'vitest'
import { planRestore } from '../../../src/backup/restore'
import { emptyTables } from '../../../src/io/notebook-file'

const entity = (id: string, name: string, updatedAt: number) => ({
  id,
  kind: 'customer' as const,
  name,
  tags: [],
  summary: '',
  createdAt: 1,
  updatedAt,
})

describe('planRestore', () => {
  it('turns the current tables into the backup, and previews what changes, newest first', () => {
    const current = emptyTables()
    const backup = emptyTables()
    current.entities = [
      entity('a', 'Ann', 1),
      entity('b', 'Bob (renamed)', 30),
      entity('c', 'New', 50),
    ]
    backup.entities = [
      entity('a', 'Ann', 1),
      entity('b', 'Bob', 10),
      entity('d', 'Deleted since', 5),
    ]
    const plan = planRestore(current, backup)
    expect(plan.counts.find((count) => count.table === 'entities')).toEqual({
      table: 'entities',
      current: 3,
      backup: 3,
    })
    expect([plan.removed, plan.restored, plan.reverted]).toEqual([1, 1, 1])
    expect(plan.newest.map((item) => [item.kind, item.record.name])).toEqual([
      ['removed', 'New'],
      ['reverted', 'Bob (renamed)'],
      ['restored', 'Deleted since'],
    ])
    const after = new Map(current.entities.map((record) => [record.id, record as unknown]))
    for (const change of plan.changes) {
      if (change.after === undefined) after.delete(change.id)
      else after.set(change.id, change.after)
    }
    expect(
      [...after.values()].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    ).toEqual(
      [...backup.entities].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    )
  })

  it('changes nothing when the backup is the same', () => {
    const tables = emptyTables()
    tables.entities = [entity('a', 'Ann', 1)]
    expect(planRestore(tables, structuredClone(tables)).changes).toEqual([])
    const reordered = emptyTables()
    const { id, ...rest } = tables.entities[0]!
    reordered.entities = [{ ...rest, id }]
    expect(planRestore(tables, reordered).changes).toEqual([])
  })
})
