/**
 * The purchases the models read, as they are kept: a few one by one, and the bulk of them in
 * the columns an import delivered them in.
 *
 * Turning the 500,000 rows of an import into as many objects took a model worker a few hundred
 * milliseconds before it could compute anything, and the garbage collector more afterwards:
 * the models walk the columns where they are instead (`forEachPurchase`).
 */
import type { PurchaseFact } from './customer-summary'

/** Purchases in columns: row `i` of each column is one purchase. */
export interface PurchaseFactColumns {
  /** The distinct customer ids and currencies, which the rows point into. */
  customers: string[]
  customerOf: Uint32Array
  currencies: string[]
  currencyOf: Uint16Array
  at: Float64Array
  amount: Float64Array
}

/** One delivered block of purchases, some of whose rows may no longer count. */
export interface PurchaseBlock {
  columns: PurchaseFactColumns
  /** 1 where a row is left out (deleted, or kept one by one since); none left out if absent. */
  leftOut?: Uint8Array
}

export interface PurchaseRows {
  facts: readonly PurchaseFact[]
  blocks: readonly PurchaseBlock[]
}

/** Purchases as a plain list, or as a model worker keeps them. */
export type Purchases = readonly PurchaseFact[] | PurchaseRows

function isRows(purchases: Purchases): purchases is PurchaseRows {
  return !Array.isArray(purchases)
}

/** Visits every purchase once; blocks are walked row by row, with no object made per row. */
export function forEachPurchase(
  purchases: Purchases,
  visit: (customerId: string, at: number, amount: number, currency: string) => void,
): void {
  const facts = isRows(purchases) ? purchases.facts : purchases
  for (const { customerId, at, amount, currency } of facts) visit(customerId, at, amount, currency)
  if (!isRows(purchases)) return
  for (const { columns, leftOut } of purchases.blocks) {
    const { customers, customerOf, currencies, currencyOf, at, amount } = columns
    for (let row = 0; row < at.length; row++) {
      if (leftOut?.[row] === 1) continue
      visit(customers[customerOf[row]!]!, at[row]!, amount[row]!, currencies[currencyOf[row]!]!)
    }
  }
}

/** How many purchases there are (an upper bound is enough to size arrays by). */
export function purchaseRowCount(purchases: Purchases): number {
  if (!isRows(purchases)) return purchases.length
  let count = purchases.facts.length
  for (const { columns } of purchases.blocks) count += columns.at.length
  return count
}

/** Every purchase as an object, for the few models that sort or keep them. */
export function purchaseFacts(purchases: Purchases): PurchaseFact[] {
  if (!isRows(purchases)) return [...purchases]
  const all: PurchaseFact[] = []
  forEachPurchase(purchases, (customerId, at, amount, currency) => {
    all.push({ customerId, at, amount, currency })
  })
  return all
}
