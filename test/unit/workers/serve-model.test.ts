/**
 * The model worker's answers: it reads the notebook once, computes the model again only when
 * its inputs changed, and takes each view asked for from the model it keeps.
 */
import { describe, expect, it, vi } from 'vitest'
import { DeliveryInbox, makeDelivery } from '../../../src/db/input-deliveries'
import { createNotebookDb } from '../../../src/db/notebook-db'
import type { ModelInputs } from '../../../src/db/model-inputs'
import { purchaseFacts } from '../../../src/notebook/purchase-rows'
import type { ModelRequest, ModelView } from '../../../renderer/workers/model-protocol'
import { modelAnswerer } from '../../../renderer/workers/serve-model'
import type { SlotOptions } from '../../../renderer/workers/model-slots'
import { fakeLocks } from '../../helpers/fake-locks'
import { freshIndexedDb } from '../../helpers/fresh-idb'

const stamps = { createdAt: 1, updatedAt: 1 }
const view = (name: string, arg = ''): ModelView => ({ key: `${name}:${arg}`, name, arg })

async function setup(inbox = new DeliveryInbox(0), computeAhead = false, slots?: SlotOptions) {
  const db = createNotebookDb('serve-model', freshIndexedDb())
  await db.open()
  await db.entities.bulkAdd([
    { id: 'c-1', kind: 'customer', name: 'Zoé', tags: [], summary: '', ...stamps },
    { id: 'c-2', kind: 'customer', name: 'Marc', tags: [], summary: '', ...stamps },
  ])
  const compute = vi.fn((inputs: ModelInputs) => ({
    names: new Map(inputs.entities.map((entity) => [entity.id, entity.name])),
    spent: purchaseFacts(inputs.purchases).reduce((sum, purchase) => sum + purchase.amount, 0),
  }))
  const answer = modelAnswerer(
    compute,
    {
      count: (model: ReturnType<typeof compute>) => model.names.size,
      name: (model: ReturnType<typeof compute>, id: string) => model.names.get(id),
      spent: (model: ReturnType<typeof compute>) => model.spent,
    },
    { inbox, computeAhead, slots },
  )
  let id = 0
  const ask = (views: ModelView[], more: Partial<ModelRequest> = {}) =>
    answer(db, { id: ++id, notebookId: 'serve-model', now: 0, views, changes: [], ...more })
  return { db, compute, ask, answer, inbox }
}

describe('modelAnswerer', () => {
  it('answers each view from one computation, and a new view without computing again', async () => {
    const { compute, ask } = await setup()
    expect(await ask([view('count'), view('name', 'c-1')], { reload: true })).toEqual({
      'count:': 2,
      'name:c-1': 'Zoé',
    })
    expect(compute).toHaveBeenCalledTimes(1)

    expect(await ask([view('name', 'c-2')])).toEqual({ 'name:c-2': 'Marc' })
    expect(compute).toHaveBeenCalledTimes(1)
  })

  it('computes again with the changed records it is told of, without reading them', async () => {
    const { db, compute, ask } = await setup()
    await ask([view('count')], { reload: true })
    const added = {
      id: 'c-3',
      kind: 'customer' as const,
      name: 'Léa',
      tags: [],
      summary: '',
      ...stamps,
    }
    // Told of a record the database does not have: the answer shows it was not read back.
    expect(
      await ask([view('count'), view('name', 'c-3')], {
        changes: [{ table: 'entities', id: 'c-3', after: added }],
      }),
    ).toEqual({ 'count:': 3, 'name:c-3': 'Léa' })
    expect(compute).toHaveBeenCalledTimes(2)

    // Asked to read again, it finds what the database holds.
    expect(await db.entities.count()).toBe(2)
    expect(await ask([view('count')], { reload: true })).toEqual({ 'count:': 2 })
    expect(compute).toHaveBeenCalledTimes(3)
  })

  it('reads the notebook when it has not read it yet, whatever the request says', async () => {
    const { compute, ask } = await setup()
    expect(await ask([view('name', 'c-2')])).toEqual({ 'name:c-2': 'Marc' })
    expect(compute).toHaveBeenCalledTimes(1)
  })

  describe('records a bulk write delivered', () => {
    const bought = (id: string, amount: number) => ({
      id,
      customerId: 'c-1',
      at: 10,
      amount,
      currency: 'EUR',
    })
    const imported = makeDelivery('import-1', 'put', {
      entities: [{ id: 'c-3', kind: 'customer', name: 'Léa', tags: [], summary: '', ...stamps }],
      purchases: [bought('p-1', 30), bought('p-2', 12)],
    })

    it('computes with them without reading the notebook, once however often named', async () => {
      const inbox = new DeliveryInbox(0)
      const { compute, ask } = await setup(inbox)
      expect(await ask([view('spent')], { reload: true })).toEqual({ 'spent:': 0 })
      inbox.receive(imported)
      // The database holds neither the purchases nor Léa: the answer comes from the delivery.
      const mark = { delivery: 'import-1' }
      expect(await ask([view('spent'), view('name', 'c-3')], { changes: [mark] })).toEqual({
        'spent:': 42,
        'name:c-3': 'Léa',
      })
      const added = { table: 'transactions' as const, id: 'p-3', after: bought('p-3', 8) }
      expect(await ask([view('spent')], { changes: [mark, added, mark] })).toEqual({
        'spent:': 50,
      })
      expect(compute).toHaveBeenCalledTimes(3)
      // Named again alone: nothing new, nothing computed.
      expect(await ask([view('spent')], { changes: [mark] })).toEqual({ 'spent:': 50 })
      expect(compute).toHaveBeenCalledTimes(3)

      // Undo delivers the deletions.
      inbox.receive(
        makeDelivery('undo-1', 'delete', { entities: [], purchases: [bought('p-1', 30)] }),
      )
      expect(await ask([view('spent')], { changes: [{ delivery: 'undo-1' }] })).toEqual({
        'spent:': 20,
      })
    })

    it('applies a delivery as it arrives, and computes ahead if asked to', async () => {
      const inbox = new DeliveryInbox(0)
      const { compute, ask, answer } = await setup(inbox, true)
      await answer.absorb('import-1')
      expect(compute).toHaveBeenCalledTimes(0)
      await ask([view('spent')], { reload: true })
      inbox.receive(imported)
      await answer.absorb('import-1')
      expect(compute).toHaveBeenCalledTimes(2)
      // The page's request names it afterwards: the model computed ahead answers.
      expect(
        await ask([view('spent'), view('name', 'c-3')], { changes: [{ delivery: 'import-1' }] }),
      ).toEqual({ 'spent:': 42, 'name:c-3': 'Léa' })
      expect(compute).toHaveBeenCalledTimes(2)
    })

    it('takes a slot to compute, but not to answer from a model computed ahead', async () => {
      const inbox = new DeliveryInbox(0)
      const locks = fakeLocks()
      const { compute, ask, answer } = await setup(inbox, true, { locks, slots: 1 })
      await ask([view('spent')], { reload: true })
      inbox.receive(imported)
      await answer.absorb('import-1')
      // Another worker computes meanwhile, in the only slot.
      let release = () => {}
      const other = locks.request(
        'carnet-model-slot-0',
        {},
        () => new Promise<void>((done) => (release = done)),
      )
      await Promise.resolve()
      expect(await ask([view('spent')], { changes: [{ delivery: 'import-1' }] })).toEqual({
        'spent:': 42,
      })
      expect(await ask([view('name', 'c-3')])).toEqual({ 'name:c-3': 'Léa' })
      // A changed record makes it compute: it waits for the slot.
      let answered = false
      const changed = ask([view('count')], {
        changes: [
          {
            table: 'entities',
            id: 'c-1',
            after: { ...stamps, id: 'c-1', kind: 'customer', name: 'Zoe', tags: [], summary: '' },
          },
        ],
      }).then((views) => {
        answered = true
        return views
      })
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(answered).toBe(false)
      release()
      await other
      expect(await changed).toEqual({ 'count:': 3 })
      expect(compute).toHaveBeenCalledTimes(3)
    })

    it('computes ahead first: another worker asked meanwhile waits for it, not the reverse', async () => {
      const locks = fakeLocks()
      const slots = { locks, slots: 1 }
      const value = await setup(new DeliveryInbox(0, 1_000), true, slots)
      const insights = await setup(new DeliveryInbox(0, 1_000), false, slots)
      await value.ask([view('spent')], { reload: true })
      await insights.ask([view('spent')], { reload: true })
      // Announced to both workers, as the channel does: the records follow.
      for (const worker of [value, insights]) worker.inbox.announce('import-1')
      value.answer.expect('import-1')
      // The page asks the other worker, which waits for the records, then for its turn.
      const asked = insights.ask([view('spent')], { changes: [{ delivery: 'import-1' }] })
      await new Promise((resolve) => setTimeout(resolve, 5))
      insights.inbox.receive(imported)
      value.inbox.receive(imported)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(insights.compute).toHaveBeenCalledTimes(1)
      await value.answer.absorb('import-1')
      expect(await asked).toEqual({ 'spent:': 42 })
      const last = (mock: typeof value.compute) => mock.mock.invocationCallOrder.at(-1)!
      expect(last(value.compute)).toBeLessThan(last(insights.compute))
      expect(value.compute).toHaveBeenCalledTimes(2)
      expect(insights.compute).toHaveBeenCalledTimes(2)
    })

    it('does not hold the others back when there is nothing to compute ahead', async () => {
      const locks = fakeLocks()
      const slots = { locks, slots: 1 }
      // The value worker has not read the notebook yet: the reading to come sees the records.
      const value = await setup(new DeliveryInbox(0, 1_000), true, slots)
      const insights = await setup(new DeliveryInbox(0, 1_000), false, slots)
      await insights.ask([view('spent')], { reload: true })
      value.answer.expect('import-1')
      insights.inbox.receive(imported)
      expect(
        await insights.ask([view('spent')], { changes: [{ delivery: 'import-1' }] }),
      ).toEqual({ 'spent:': 42 })
    })

    it('without computing ahead, applies a delivery only when a request names it', async () => {
      const inbox = new DeliveryInbox(0)
      const { compute, ask, answer } = await setup(inbox)
      await ask([view('spent')], { reload: true })
      inbox.receive(imported)
      await answer.absorb('import-1')
      expect(compute).toHaveBeenCalledTimes(1)
      expect(await ask([view('spent')], { changes: [{ delivery: 'import-1' }] })).toEqual({
        'spent:': 42,
      })
      expect(compute).toHaveBeenCalledTimes(2)
    })

    it('reads the notebook again when a delivery named never arrives', async () => {
      const { db, ask } = await setup(new DeliveryInbox(10))
      await ask([view('count'), view('spent')], { reload: true })
      await db.transactions.bulkAdd([{ ...bought('p-9', 5), items: [], ...stamps }])
      expect(
        await ask([view('count'), view('spent')], { changes: [{ delivery: 'lost' }] }),
      ).toEqual({ 'count:': 2, 'spent:': 5 })
    })
  })
})
