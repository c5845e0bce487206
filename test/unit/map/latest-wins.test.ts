import { describe, expect, it } from 'vitest'
import { LatestWins } from '../../../renderer/views/Map/latest-wins'

describe('LatestWins', () => {
  it('asks at once when nothing is in flight', () => {
    const gate = new LatestWins()
    expect(gate.change()).toBe(1)
    expect(gate.busy).toBe(true)
    expect(gate.answer(1)).toEqual({ show: true, next: null })
    expect(gate.busy).toBe(false)
    expect(gate.change()).toBe(2)
  })

  it('folds the changes made while a drawing is in flight into one more drawing', () => {
    const gate = new LatestWins()
    expect(gate.change()).toBe(1)
    expect(gate.change()).toBeNull()
    expect(gate.change()).toBeNull()
    expect(gate.change()).toBeNull()
    expect(gate.answer(1)).toEqual({ show: true, next: 2 })
    expect(gate.busy).toBe(true)
    expect(gate.answer(2)).toEqual({ show: true, next: null })
    expect(gate.busy).toBe(false)
  })

  it('never shows an answer older than the one shown', () => {
    const gate = new LatestWins()
    gate.change()
    gate.answer(1)
    gate.change()
    expect(gate.answer(2).show).toBe(true)
    expect(gate.answer(1).show).toBe(false)
    expect(gate.answer(2).show).toBe(false)
  })

  it('drops late answers after forget, and asks again on the next change', () => {
    const gate = new LatestWins()
    gate.change()
    gate.change()
    gate.forget()
    expect(gate.busy).toBe(false)
    expect(gate.answer(1)).toEqual({ show: false, next: null })
    expect(gate.change()).toBe(2)
    expect(gate.answer(2)).toEqual({ show: true, next: null })
  })

  it('keeps at most one drawing in flight whatever the order of events', () => {
    const gate = new LatestWins()
    const inFlight: number[] = []
    let shown = 0
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let step = 0; step < 2000; step++) {
      if (random() < 0.7 || inFlight.length === 0) {
        const asked = gate.change()
        if (asked !== null) inFlight.push(asked)
      } else {
        const version = inFlight.shift()!
        const { show, next } = gate.answer(version)
        if (show) {
          expect(version).toBeGreaterThan(shown)
          shown = version
        }
        if (next !== null) inFlight.push(next)
      }
      expect(inFlight.length).toBeLessThanOrEqual(1)
    }
    // Once every answer is in, the newest change has been drawn and nothing more is wanted.
    while (inFlight.length > 0) {
      const version = inFlight.shift()!
      const { show, next } = gate.answer(version)
      if (show) shown = version
      if (next !== null) inFlight.push(next)
    }
    expect(gate.busy).toBe(false)
    expect(gate.change()).toBe(shown + 1)
  })
})
