/**
 * The value worker's modeller: after a change that leaves the entities, notes and ties as they
 * were (an import of purchases), it keeps what they give each customer; after any change, it
 * gives what a fresh computation of the same inputs gives.
 */
import { describe, expect, it } from 'vitest'
import { sampleInputs } from '../../helpers/sample-inputs'
import { computeValueModel, valueModeller } from '../../../src/value/value-model'

describe('valueModeller', () => {
  const inputs = sampleInputs()
  const customerWithNotes = inputs.notes.find((note) =>
    inputs.entities.some((entity) => entity.kind === 'customer' && note.about.includes(entity.id)),
  )!.about[0]!

  it('gives what a fresh computation gives after purchases alone changed', () => {
    const compute = valueModeller()
    const first = compute(inputs)
    const changed = {
      ...inputs,
      purchases: [
        ...inputs.purchases.slice(3),
        { ...inputs.purchases[0]!, id: 'new-purchase', amount: 99_900 },
      ],
      now: inputs.now + 86_400_000,
    }
    const second = compute(changed)
    // What the notes give a customer is the same objects: it was not computed again.
    const row = second.segmentData.customers.findIndex((c) => c.id === customerWithNotes)
    expect(second.segmentData.customers[row]!.noteKinds).toBe(
      first.segmentData.customers[row]!.noteKinds,
    )
    expect(second).toEqual(computeValueModel(changed))
    expect(second.summaries).not.toEqual(first.summaries)
  })

  it('computes again what the notes give when a note changed', () => {
    const compute = valueModeller()
    compute(inputs)
    const complaint = {
      ...inputs.notes[0]!,
      id: 'new-note',
      about: [customerWithNotes],
      kind: 'complaint' as const,
      touchpoint: 'phone' as const,
      at: inputs.now,
    }
    const changed = { ...inputs, notes: [...inputs.notes, complaint] }
    const second = compute(changed)
    expect(second).toEqual(computeValueModel(changed))
    const shown = second.segmentData.customers.find((c) => c.id === customerWithNotes)!
    expect(shown.noteKinds.has('complaint')).toBe(true)
    expect(shown.touchpoints.has('phone')).toBe(true)
    expect(second.summaries.get(customerWithNotes)?.lastContactAt).toBe(inputs.now)
  })

  it('computes them again when a tie or an entity changed', () => {
    const compute = valueModeller()
    const first = compute(inputs)
    const withoutTie = { ...inputs, ties: inputs.ties.slice(1) }
    expect(compute(withoutTie)).toEqual(computeValueModel(withoutTie))
    const renamed = {
      ...withoutTie,
      entities: inputs.entities.map((entity) =>
        entity.id === customerWithNotes ? { ...entity, name: 'Renamed' } : entity,
      ),
    }
    const third = compute(renamed)
    expect(third).toEqual(computeValueModel(renamed))
    expect(third.customers).not.toEqual(first.customers)
  })
})
