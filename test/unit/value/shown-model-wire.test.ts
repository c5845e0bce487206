/**
 * The Segments screen's model, packed in the worker and put back together on the page, is the
 * model the worker computed: every map with its keys in the same order, every value the same.
 */
import { describe, expect, it } from 'vitest'
import { packShownModel, unpackShownModel } from '../../../src/value/shown-model-wire'
import { computeValueModel } from '../../../src/value/value-model'
import type { ValueModel } from '../../../src/value/value-model'
import { shownValueModel } from '../../../src/value/value-views'
import { sampleInputs } from '../../helpers/sample-inputs'

function expectSame(model: ValueModel) {
  const shown = shownValueModel(model)
  const back = unpackShownModel(structuredClone(packShownModel(shown)))
  expect(back).toEqual(shown)
  for (const key of ['summaries', 'rfm', 'tieCounts', 'stages'] as const) {
    expect([...back[key].keys()]).toEqual([...shown[key].keys()])
  }
  expect([...back.tiers.tierOf]).toEqual([...shown.tiers.tierOf])
  return back
}

describe('the shown value model on the wire', () => {
  const inputs = sampleInputs()

  it('comes back the same on the English sample', () => {
    const back = expectSame(computeValueModel(inputs))
    expect(back.rfm.size).toBeGreaterThan(0)
    expect(back.tiers.pareto.length).toBeGreaterThan(0)
  })

  it('keeps what is unknown unknown: no purchase, no contact, no stage, other currencies', () => {
    const customer = inputs.entities.find((entity) => entity.kind === 'customer')!
    const quiet = { ...customer, id: 'quiet-one', name: 'Quiet', tags: [] }
    const abroad = inputs.purchases.find((purchase) => purchase.customerId === customer.id)!
    const model = computeValueModel({
      ...inputs,
      entities: [...inputs.entities, quiet],
      purchases: [
        ...inputs.purchases,
        { ...abroad, id: 'abroad', currency: abroad.currency === 'USD' ? 'JPY' : 'USD' },
      ],
    })
    const back = expectSame(model)
    const summary = back.summaries.get('quiet-one')!
    expect(summary.lastContactAt).toBeUndefined()
    expect(summary.value.currency).toBeUndefined()
    expect(summary.value.lastPurchaseAt).toBeUndefined()
    expect(back.stages.get('quiet-one')).toBeUndefined()
    expect(back.stages.has('quiet-one')).toBe(true)
    expect(back.summaries.get(customer.id)!.value.hasOtherCurrencies).toBe(true)
  })

  it('comes back the same for an empty notebook', () => {
    expectSame(computeValueModel({ entities: [], ties: [], notes: [], purchases: [], now: 0 }))
  })
})
