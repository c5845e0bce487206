import { describe, expect, it } from 'vitest'
import { findAttention } from '../../../src/insights/attention'
import { rankImportance } from '../../../src/insights/importance'
import { computeTiers } from '../../../src/value/tiers'
import { DAY, NOW, influenceOf, note } from './build'

const purchase = (customerId: string, daysAgo: number) => ({
  customerId,
  at: NOW - daysAgo * DAY,
  amount: 1_000,
  currency: 'EUR',
})

/** `big` spends most (top 20% of five buyers = 1), `star` has the power; the rest are neither. */
function setup(purchases: ReturnType<typeof purchase>[], powers: Record<string, number> = {}) {
  const ids = ['big', 'star', 'a', 'b', 'c']
  const totals = new Map<string, number>()
  for (const p of purchases) totals.set(p.customerId, (totals.get(p.customerId) ?? 0) + p.amount)
  const tiers = computeTiers(ids.map((id) => ({ id, total: totals.get(id) ?? 0 })))
  const importance = rankImportance({
    entities: ids.map((id) => ({ id, kind: 'customer' as const })),
    influence: influenceOf(powers),
    tiers,
  })
  return { ids, importance }
}

describe('findAttention', () => {
  it('is empty for an empty notebook', () => {
    const { importance } = setup([])
    expect(
      findAttention({ customerIds: [], notes: [], purchases: [], importance, now: NOW }),
    ).toEqual({ customers: [], followUps: [], notebookGapDays: null })
  })

  it('flags a valuable customer silent for longer than 1.5 × their usual gap', () => {
    // big: every 10 days, last one 20 days ago → allowance 15 days: overdue.
    const purchases = [
      ...[20, 30, 40, 50, 60, 70].flatMap((d) => [purchase('big', d), purchase('big', d)]),
      purchase('a', 1),
      purchase('b', 1),
      purchase('c', 1),
    ]
    const { ids, importance } = setup(purchases)
    const result = findAttention({ customerIds: ids, notes: [], purchases, importance, now: NOW })
    expect(result.customers).toHaveLength(1)
    expect(result.customers[0]).toMatchObject({
      id: 'big',
      usualGapDays: 10,
      gapSource: 'own',
      contactDays: 6,
      silentDays: 20,
    })
    expect(result.customers[0]!.overdue).toBeCloseTo(20 / 15)
    expect(result.customers[0]!.importance.reasons).toEqual(['top-5'])
    expect(result.customers[0]!.score).toBeCloseTo(
      (20 / 15) * result.customers[0]!.importance.score,
    )
  })

  it('keeps a 14-day floor for the very regular', () => {
    // Every 2 days, silent for 10: 1.5 × 2 = 3 days, but the floor is 14.
    const purchases = [10, 12, 14, 16, 18].map((d) => purchase('big', d))
    const { ids, importance } = setup(purchases)
    expect(
      findAttention({ customerIds: ids, notes: [], purchases, importance, now: NOW }).customers,
    ).toEqual([])
  })

  it('uses the notebook usual gap for a customer with one contact, and ignores the unimportant', () => {
    const purchases = [
      // a and b: every 4 days → notebook gap 4 → allowance max(14, 6) = 14 days.
      ...[1, 5, 9].map((d) => purchase('a', d)),
      ...[2, 6, 10].map((d) => purchase('b', d)),
      // star: a single contact, 30 days ago.
      purchase('star', 30),
    ]
    const notes = [note(NOW - 40 * DAY, { about: ['c'] })]
    const { ids, importance } = setup(purchases, { star: 80 })
    const result = findAttention({ customerIds: ids, notes, purchases, importance, now: NOW })
    expect(result.notebookGapDays).toBe(4)
    expect(result.customers.map((c) => c.id)).toEqual(['star'])
    expect(result.customers[0]).toMatchObject({
      gapSource: 'notebook',
      usualGapDays: 4,
      contactDays: 1,
    })
    expect(result.customers[0]!.importance.reasons).toContain('influential')
  })

  it('falls back to 30 days when no customer has a habit yet', () => {
    const purchases = [purchase('big', 50)]
    const { ids, importance } = setup(purchases)
    const result = findAttention({ customerIds: ids, notes: [], purchases, importance, now: NOW })
    expect(result.customers[0]).toMatchObject({ id: 'big', gapSource: 'default', usualGapDays: 30 })
    expect(result.customers[0]!.overdue).toBeCloseTo(50 / 45)
  })

  it('lists open follow-ups by due date, overdue first', () => {
    const notes = [
      note(NOW - 9 * DAY, { id: 'later', kind: 'idea', followUp: { due: NOW + 5 * DAY } }),
      note(NOW - 9 * DAY, { id: 'late', kind: 'complaint', followUp: { due: NOW - 2 * DAY } }),
      note(NOW - 9 * DAY, {
        id: 'done',
        kind: 'question',
        followUp: { due: NOW - 8 * DAY, doneAt: NOW - 7 * DAY },
      }),
      note(NOW - 9 * DAY, { id: 'undated', kind: 'question', followUp: {} }),
      note(NOW - 9 * DAY, {
        id: 'latest',
        kind: 'question',
        about: ['a'],
        followUp: { due: NOW - 5 * DAY },
      }),
    ]
    const { importance } = setup([])
    const { followUps } = findAttention({
      customerIds: [],
      notes,
      purchases: [],
      importance,
      now: NOW,
    })
    expect(followUps).toEqual([
      { noteId: 'latest', kind: 'question', due: NOW - 5 * DAY, isOverdue: true, about: ['a'] },
      { noteId: 'late', kind: 'complaint', due: NOW - 2 * DAY, isOverdue: true, about: [] },
      { noteId: 'later', kind: 'idea', due: NOW + 5 * DAY, isOverdue: false, about: [] },
    ])
  })
})
