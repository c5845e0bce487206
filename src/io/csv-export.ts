/**
 * Formula-safe CSV export (RFC 4180: comma separated, CRLF line ends, quotes doubled) of
 * customers, purchases and segment members.
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula ("CSV injection"), so such a cell is written with a leading apostrophe, as OWASP
 * advises: `=HYPERLINK(…)` becomes `'=HYPERLINK(…)`. Numbers are written by us as plain numbers,
 * so a negative amount is not neutralised; only text that came from a user or a file is.
 */
import type { Entity, Transaction } from '../model/records'
import type { CustomerSummary } from '../notebook/customer-summary'
import type { Rfm } from '../value/rfm'
import type { Tier } from '../value/tiers'

/** Text from users or files is neutralised; numbers and `{ decimal }` (which we format) are not. */
export type CsvCell = string | number | { decimal: string } | undefined

const FORMULA_START = /^[=+\-@\t\r]/

/** One text cell, neutralised and quoted as needed. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function csvCell(value: CsvCell): string {
  if (value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'object') return /^-?\d+(\.\d+)?$/.test(value.decimal) ? value.decimal : ''
  return csvText(value)
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** Minor units → a decimal string for the currency: 1250 EUR → "12.50", 500 JPY → "500". */
export function minorToDecimal(amount: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  if (digits === 0) return String(amount)
  const sign = amount < 0 ? '-' : ''
  const abs = Math.abs(amount)
  const unit = 10 ** digits
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`
}

const isoDate = (at: number | undefined) =>
  at === undefined ? undefined : new Date(at).toISOString()

export interface CustomerExportRow {
  customer: Entity
  summary?: CustomerSummary | undefined
  rfm?: Rfm | undefined
  tier?: Tier | undefined
  stage?: string | undefined
}

export function customersCsv(rows: readonly CustomerExportRow[]): string {
  return toCsv(
    [
      'id',
      'name',
      'emails',
      'phones',
      'tags',
      'stage',
      'currency',
      'total',
      'purchases',
      'last_purchase',
      'last_contact',
      'recency',
      'frequency',
      'monetary',
      'rfm_group',
      'tier',
    ],
    rows.map(({ customer, summary, rfm, tier, stage }) => {
      const value = summary?.value
      return [
        customer.id,
        customer.name,
        (customer.contact?.emails ?? []).join('; '),
        (customer.contact?.phones ?? []).join('; '),
        customer.tags.join('; '),
        stage,
        value?.currency,
        value?.currency ? { decimal: minorToDecimal(value.total, value.currency) } : undefined,
        value?.purchases,
        isoDate(value?.lastPurchaseAt),
        isoDate(summary?.lastContactAt),
        rfm?.recency,
        rfm?.frequency,
        rfm?.monetary,
        rfm?.group,
        tier,
      ]
    }),
  )
}

export function purchasesCsv(
  purchases: readonly Transaction[],
  names: ReadonlyMap<string, string>,
): string {
  return toCsv(
    [
      'id',
      'customer_id',
      'customer',
      'date',
      'amount',
      'currency',
      'items',
      'channel',
      'external_ref',
    ],
    purchases.map((purchase) => [
      purchase.id,
      purchase.customerId,
      names.get(purchase.customerId),
      isoDate(purchase.at),
      { decimal: minorToDecimal(purchase.amount, purchase.currency) },
      purchase.currency,
      purchase.items
        .map((item) => (item.quantity === 1 ? item.name : `${item.quantity} × ${item.name}`))
        .join('; '),
      purchase.channel,
      purchase.externalRef,
    ]),
  )
}
