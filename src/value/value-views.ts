/**
 * What each screen reads of the value model. The model stays in its worker; a screen receives
 * only its view of it, so the page copies a few hundred kilobytes after a change instead of the
 * whole model (24 MB at 20,000 customers: a third of a second of the page's thread).
 */
import { suggestTies } from '../graph/suggestions'
import type { TieSuggestion } from '../graph/suggestions'
import type { Rfm } from './rfm'
import { evaluateSegment, parseSegmentRule, withSocialFacts } from './segment-rules'
import type { Tier } from './tiers'
import type { ValueModel } from './value-model'
import { packShownModel } from './shown-model-wire'
import type { PackedShownModel } from './shown-model-wire'

/**
 * The customers list's derived columns, one entry per customer in `ids`' order. Columns of
 * numbers, not one object per customer: a typed array crosses from the worker as one copy.
 */
export interface ListColumns {
  ids: string[]
  /** Newest note or purchase; NaN for none. */
  lastContactAt: Float64Array
  /** Total spend in minor units, in the currency at the same place in `currency`. */
  total: Float64Array
  currencies: string[]
  /** Index in `currencies`; -1 for a customer who bought nothing. */
  currency: Int16Array
}

/** One row of the list's derived columns. */
export interface ListSummary {
  lastContactAt: number | undefined
  total: number
  currency: string | undefined
}

/** A customer's place in the whole notebook's value: scores, group, tier. */
export interface CustomerStanding {
  rfm: Rfm | undefined
  tier: Tier | undefined
  /** The customer's own currency, else the notebook's most used: a new purchase's default. */
  currency: string
}

export function listColumns(model: ValueModel): ListColumns {
  const count = model.summaries.size
  const columns: ListColumns = {
    ids: new Array<string>(count),
    lastContactAt: new Float64Array(count),
    total: new Float64Array(count),
    currencies: [],
    currency: new Int16Array(count),
  }
  const currencyIndex = new Map<string, number>()
  let index = 0
  for (const [id, summary] of model.summaries) {
    columns.ids[index] = id
    columns.lastContactAt[index] = summary.lastContactAt ?? Number.NaN
    columns.total[index] = summary.value.total
    const currency = summary.value.currency
    let code = -1
    if (currency !== undefined) {
      code = currencyIndex.get(currency) ?? columns.currencies.push(currency) - 1
      currencyIndex.set(currency, code)
    }
    columns.currency[index] = code
    index++
  }
  return columns
}

/**
 * The list's columns by customer id, as the page reads them. Only an index of the ids is built;
 * a row's summary is read from the columns when the row asks, so the page spends one map on
 * 20,000 customers and a few reads on the rows in view.
 */
export interface ListSummaries {
  readonly size: number
  get(id: string): ListSummary | undefined
}

class ColumnSummaries implements ListSummaries {
  constructor(
    readonly columns: ListColumns,
    readonly index: ReadonlyMap<string, number>,
  ) {}

  get size(): number {
    return this.index.size
  }

  get(id: string): ListSummary | undefined {
    const at = this.index.get(id)
    if (at === undefined) return undefined
    const lastContactAt = this.columns.lastContactAt[at]!
    const currency = this.columns.currency[at]!
    return {
      lastContactAt: Number.isNaN(lastContactAt) ? undefined : lastContactAt,
      total: this.columns.total[at]!,
      currency: currency < 0 ? undefined : this.columns.currencies[currency],
    }
  }
}

/**
 * The list's columns by customer id. `previous` is what the columns before these gave: the
 * columns come again after every saved word, most often as they were. With the same ids in the
 * same order its index is kept, and with the same values too `previous` itself is returned, so
 * the list has nothing to sort or draw again.
 */
export function listSummaries(columns: ListColumns, previous?: ListSummaries): ListSummaries {
  if (previous instanceof ColumnSummaries && haveSameItems(previous.columns.ids, columns.ids)) {
    return haveSameValues(previous.columns, columns)
      ? previous
      : new ColumnSummaries(columns, previous.index)
  }
  return new ColumnSummaries(columns, new Map(columns.ids.map((id, at) => [id, at])))
}

function haveSameItems<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false
  for (let at = 0; at < a.length; at++) if (!Object.is(a[at], b[at])) return false
  return true
}

function haveSameValues(a: ListColumns, b: ListColumns): boolean {
  return (
    haveSameItems(a.lastContactAt, b.lastContactAt) &&
    haveSameItems(a.total, b.total) &&
    haveSameItems(a.currencies, b.currencies) &&
    haveSameItems(a.currency, b.currency)
  )
}

const mainCurrencies = new WeakMap<ShownValueModel, string>()

/** The currency most purchases of the notebook are in (EUR for a notebook without any). */
export function mainCurrency(model: ShownValueModel): string {
  let main = mainCurrencies.get(model)
  if (main === undefined) {
    const counts = new Map<string, number>()
    for (const summary of model.summaries.values()) {
      const currency = summary.value.currency
      if (currency) counts.set(currency, (counts.get(currency) ?? 0) + summary.value.purchases)
    }
    main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR'
    mainCurrencies.set(model, main)
  }
  return main
}

export function customerStanding(model: ValueModel, customerId: string): CustomerStanding {
  return {
    rfm: model.rfm.get(customerId),
    tier: model.tiers.tierOf.get(customerId),
    currency: model.summaries.get(customerId)?.value.currency ?? mainCurrency(model),
  }
}

/** A view's argument read as JSON; `undefined` for one that does not parse. */
function readArgument(json: string): unknown {
  try {
    return JSON.parse(json) as unknown
  } catch {
    return undefined
  }
}

/** The ids of a segment's members; none for a rule that does not parse. */
export function segmentMembers(model: ValueModel, ruleJson: string): string[] {
  const parsed = parseSegmentRule(readArgument(ruleJson))
  return parsed.ok ? evaluateSegment(parsed.rule, model.segmentData) : []
}

/**
 * The value model as the Segments screen receives it: without the facts each customer is matched
 * on (half the model's size, a rule's set of note kinds and list of ties per customer), which
 * stay in the worker where the screen's segments are evaluated, nor what the map's suggested
 * ties are found in.
 */
export type ShownValueModel = Omit<ValueModel, 'segmentData' | 'mentions'>

export function shownValueModel(model: ValueModel): ShownValueModel {
  const { segmentData: _facts, mentions: _mentions, ...shown } = model
  return shown
}

/** The social facts a rule can match on (`withSocialFacts`), from the insights. */
export type SocialFacts = Parameters<typeof withSocialFacts>[1]

/** The segments the Segments screen lists, with their rules as saved (parsed in the worker). */
export interface SegmentsRequest {
  rules: { id: string; rule: unknown }[]
  /** Only when a rule matches on social power or community. */
  social?: SocialFacts
}

export interface SegmentsScreen {
  /** Packed to cross to the page (`shown-model-wire.ts`). */
  model: PackedShownModel
  /** The members of each rule asked for, by id; a rule that does not parse has none. */
  members: Record<string, string[]>
}

export function segmentsScreen(model: ValueModel, requestJson: string): SegmentsScreen {
  const { rules = [], social } = (readArgument(requestJson) ?? {}) as Partial<SegmentsRequest>
  const data = social ? withSocialFacts(model.segmentData, social) : model.segmentData
  const members: Record<string, string[]> = {}
  for (const { id, rule } of rules) {
    const parsed = parseSegmentRule(rule)
    members[id] = parsed.ok ? evaluateSegment(parsed.rule, data) : []
  }
  return { model: packShownModel(shownValueModel(model)), members }
}

/**
 * Each customer's spend as the customers list shows it (its value column), by id, for a map
 * sized by value; customers who bought nothing are left out (sized as spending nothing). The
 * columns come again after every saved note, most often with the same totals: `previous` is then
 * returned itself, and the map has nothing to build or draw again.
 */
export function spendByCustomer(
  columns: ListColumns,
  previous?: ReadonlyMap<string, number>,
): ReadonlyMap<string, number> {
  const spend = new Map<string, number>()
  columns.ids.forEach((id, at) => {
    const total = columns.total[at]!
    if (total !== 0) spend.set(id, total)
  })
  if (previous?.size === spend.size) {
    let same = true
    for (const [id, total] of spend) {
      if (previous.get(id) !== total) {
        same = false
        break
      }
    }
    if (same) return previous
  }
  return spend
}

/** How many suggested ties the map lists. */
export const MAP_SUGGESTIONS = 8

/**
 * The ties the notes suggest between the entries a map shows (their ids, as a JSON list): pairs
 * that notes mention together with no tie yet, with those notes as evidence. The same as
 * `suggestTies` over every note of the notebook, without the page reading them.
 */
export function mapSuggestions(model: ValueModel, shownIdsJson: string): TieSuggestion[] {
  const ids = readArgument(shownIdsJson)
  if (!Array.isArray(ids) || ids.length < 2) return []
  return suggestTies(model.mentions.notes, model.mentions.ties, {
    entityIds: new Set(ids.filter((id): id is string => typeof id === 'string')),
    limit: MAP_SUGGESTIONS,
  })
}

/** The views the value model's worker serves, by name. */
export const VALUE_VIEWS = {
  columns: listColumns,
  openLoops: (model: ValueModel) => model.openLoops,
  customer: customerStanding,
  members: segmentMembers,
  /** The Segments screen: its segments' members and what its charts draw. */
  segments: segmentsScreen,
  suggestions: mapSuggestions,
}

export type ValueViews = {
  [K in keyof typeof VALUE_VIEWS]: ReturnType<(typeof VALUE_VIEWS)[K]>
}
