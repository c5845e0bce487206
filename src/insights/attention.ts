/**
 * The attention list: the customers who matter and have gone quiet for longer than is usual
 * for them, and the feedback loops left open. Pure.
 *
 * Who matters: valuable (top 20% value tier) or influential (see importance.ts).
 *
 * Gone quiet: a contact is a note about them or a purchase, at or before `now`, counted once a
 * day (a note and a purchase the same day are one visit). Their usual gap is the median of the
 * gaps between their contact days. With fewer than `MIN_CONTACTS` (3) contact days, one gap is
 * no habit: the usual gap is then the median of the usual gaps of the notebook's customers who
 * have one (`gapSource: 'notebook'`), or `DEFAULT_GAP_DAYS` (30) when nobody has
 * (`'default'`). They are overdue when the silence since their last contact exceeds
 * `max(MIN_ALLOWANCE_DAYS (14), OVERDUE_FACTOR (1.5) × usual gap)` — the floor keeps a weekly
 * regular from being flagged after ten days. Customers with no contact at all are not listed:
 * there is no silence to measure.
 *
 * Ranked by `overdue × importance.score`, where `overdue` = silence / allowance (> 1).
 *
 * Open follow-ups: notes with a `followUp.due` and no `doneAt`, by due date (so the overdue ones,
 * most overdue first, then the upcoming ones, soonest first).
 */
import type { Note } from '../model/records'
import type { NoteKind } from '../model/vocabulary'
import { forEachPurchase, purchaseRowCount } from '../notebook/purchase-rows'
import type { Purchases } from '../notebook/purchase-rows'
import type { Importance, ImportanceIndex } from './importance'
import { DAY_MS, compareIds, median } from './time'

export const MIN_CONTACTS = 3
export const DEFAULT_GAP_DAYS = 30
export const MIN_ALLOWANCE_DAYS = 14
export const OVERDUE_FACTOR = 1.5

export type GapSource = 'own' | 'notebook' | 'default'

export interface QuietCustomer {
  id: string
  importance: Importance
  lastContactAt: number
  /** Days since the last contact (fractional). */
  silentDays: number
  /** Their usual gap between contact days, in days, and where it comes from. */
  usualGapDays: number
  gapSource: GapSource
  /** Distinct contact days, at or before `now`. */
  contactDays: number
  /** Silence over allowance (> 1), where allowance = max(14, 1.5 × usual gap) days. */
  overdue: number
  /** overdue × importance.score: the ranking key. */
  score: number
}

export interface OpenFollowUp {
  noteId: string
  kind: NoteKind
  due: number
  isOverdue: boolean
  /** The entities the note is about. */
  about: string[]
}

export interface Attention {
  customers: QuietCustomer[]
  followUps: OpenFollowUp[]
  /** The notebook's median usual gap in days, used for customers with few contacts; null if none. */
  notebookGapDays: number | null
}

export interface AttentionInput {
  customerIds: readonly string[]
  notes: readonly Pick<Note, 'id' | 'about' | 'at' | 'kind' | 'followUp'>[]
  purchases: Purchases
  importance: ImportanceIndex
  now: number
}

export function findAttention({
  customerIds,
  notes,
  purchases,
  importance,
  now,
}: AttentionInput): Attention {
  // Contact days of every customer (all of them: they make the notebook's usual gap). One pass
  // over notes and purchases looks each customer up once (the costly part: records are spread
  // over the heap) into flat typed arrays, then a counting sort cuts them into one slice per
  // customer: no Set, Map or array per customer.
  const indexOf = new Map<string, number>()
  customerIds.forEach((id, index) => indexOf.set(id, index))
  let contacts = 0
  for (const note of notes) contacts += note.about.length
  contacts += purchaseRowCount(purchases)
  const contactOf = new Int32Array(contacts)
  const contactAt = new Float64Array(contacts)
  contacts = 0
  const addContact = (id: string, at: number) => {
    const index = indexOf.get(id)
    if (index === undefined || at > now) return
    contactOf[contacts] = index
    contactAt[contacts] = at
    contacts += 1
  }
  for (const note of notes) for (const id of note.about) addContact(id, note.at)
  forEachPurchase(purchases, (customerId, at) => addContact(customerId, at))

  const count = new Int32Array(customerIds.length + 1)
  const last = new Float64Array(customerIds.length).fill(-Infinity)
  for (let contact = 0; contact < contacts; contact++) {
    const index = contactOf[contact]!
    count[index + 1]! += 1
    if (contactAt[contact]! > last[index]!) last[index] = contactAt[contact]!
  }
  for (let index = 0; index < customerIds.length; index++) count[index + 1]! += count[index]!
  const days = new Float64Array(contacts)
  const filled = count.slice(0, customerIds.length)
  for (let contact = 0; contact < contacts; contact++) {
    days[filled[contactOf[contact]!]!++] = Math.floor(contactAt[contact]! / DAY_MS)
  }

  /** Distinct contact days of one customer and the gaps between them. */
  const contactsOf = (index: number): { distinct: number; gaps: number[] } => {
    const slice = days.subarray(count[index], count[index + 1]).sort()
    const gaps: number[] = []
    for (let i = 1; i < slice.length; i++) {
      if (slice[i] !== slice[i - 1]) gaps.push(slice[i]! - slice[i - 1]!)
    }
    return { distinct: slice.length === 0 ? 0 : gaps.length + 1, gaps }
  }

  const ownGap = new Map<number, number>()
  const contactDaysOf = new Int32Array(customerIds.length)
  for (let index = 0; index < customerIds.length; index++) {
    const { distinct, gaps } = contactsOf(index)
    contactDaysOf[index] = distinct
    if (distinct >= MIN_CONTACTS) ownGap.set(index, median(gaps))
  }
  const notebookGapDays = ownGap.size > 0 ? median([...ownGap.values()]) : null

  const customers: QuietCustomer[] = []
  customerIds.forEach((id, index) => {
    const contactDays = contactDaysOf[index]!
    if (contactDays === 0) return
    if (!importance.matters(id)) return
    const weight = importance.of(id)
    const lastContactAt = last[index]!
    const silentDays = (now - lastContactAt) / DAY_MS
    const own = ownGap.get(index)
    const gapSource: GapSource =
      own !== undefined ? 'own' : notebookGapDays !== null ? 'notebook' : 'default'
    const usualGapDays = own ?? notebookGapDays ?? DEFAULT_GAP_DAYS
    const allowance = Math.max(MIN_ALLOWANCE_DAYS, OVERDUE_FACTOR * usualGapDays)
    if (silentDays <= allowance) return
    const overdue = silentDays / allowance
    customers.push({
      id,
      importance: weight,
      lastContactAt,
      silentDays,
      usualGapDays,
      gapSource,
      contactDays,
      overdue,
      score: overdue * weight.score,
    })
  })
  customers.sort((a, b) => b.score - a.score || compareIds(a.id, b.id))

  const followUps: OpenFollowUp[] = []
  for (const note of notes) {
    const due = note.followUp?.due
    if (due === undefined || note.followUp?.doneAt !== undefined) continue
    followUps.push({
      noteId: note.id,
      kind: note.kind,
      due,
      isOverdue: due < now,
      about: [...note.about],
    })
  }
  followUps.sort((a, b) => a.due - b.due || compareIds(a.noteId, b.noteId))

  return { customers, followUps, notebookGapDays }
}
