/**
 * The insights worker's analyser: after a change that leaves the entities and ties as they
 * were, it keeps the social power and communities; after any change, it gives what a fresh
 * analysis of the same inputs gives.
 */
import { describe, expect, it } from 'vitest'
import { sampleInputs } from '../../helpers/sample-inputs'
import { analyseNotebook, notebookAnalyser } from '../../../src/insights/analyse-notebook'

describe('notebookAnalyser', () => {
  const { now, ...inputs } = sampleInputs()

  it('keeps the social models when only notes and purchases changed', () => {
    const analyse = notebookAnalyser()
    const first = analyse(inputs, now)
    const changed = {
      ...inputs,
      notes: inputs.notes.slice(1),
      purchases: [...inputs.purchases, { ...inputs.purchases[0]!, amount: 99_900 }],
    }
    const second = analyse(changed, now)
    expect(second.influence).toBe(first.influence)
    expect(second.communities).toBe(first.communities)
    expect(second).toEqual({ ...analyseNotebook(changed, now), timings: second.timings })
  })

  it('computes them again when a tie changed', () => {
    const analyse = notebookAnalyser()
    const first = analyse(inputs, now)
    const changed = { ...inputs, ties: inputs.ties.slice(1) }
    const second = analyse(changed, now)
    expect(second.influence).not.toBe(first.influence)
    expect(second).toEqual({ ...analyseNotebook(changed, now), timings: second.timings })
    expect(second.influence).not.toEqual(first.influence)
  })
})
