/**
 * Writing purchases: one by hand, or an import plan (see `src/io/purchases-csv.ts`), each through
 * the `Writer` of one write, so it is one transaction and one undo step.
 */
import type { Writer } from '../db/notebook-store'
import type { ImportPlan } from '../io/purchases-csv'
import { newId } from '../model/ids'
import type { Transaction } from '../model/records'
import { createEntity } from './entities'

export interface NewPurchase {
  customerId: string
  at: number
  /** Minor units. */
  amount: number
  currency: string
  channel?: string | undefined
}

export async function addPurchase(writer: Writer, input: NewPurchase): Promise<Transaction> {
  return writer.put('transactions', {
    id: newId(),
    customerId: input.customerId,
    at: input.at,
    amount: input.amount,
    currency: input.currency,
    items: [],
    ...(input.channel ? { channel: input.channel } : {}),
  })
}

/**
 * Writes a plan through one writer, so the whole import is one transaction (all or nothing)
 * and one undo step. References already in the notebook are checked again inside the
 * transaction, so importing the same file twice, even at once, adds nothing twice.
 */
export async function applyPurchasePlan(
  writer: Writer,
  plan: Pick<ImportPlan, 'purchases' | 'newCustomers'>,
): Promise<{ added: number; customersCreated: number }> {
  const refs = plan.purchases.map((purchase) => purchase.externalRef)
  const existing = new Set<string>()
  for (let i = 0; i < refs.length; i += 1_000) {
    const found = await writer.db.transactions
      .where('externalRef')
      .anyOf(refs.slice(i, i + 1_000))
      .toArray()
    for (const transaction of found)
      if (transaction.externalRef) existing.add(transaction.externalRef)
  }
  const createdIds = new Map<string, string>()
  let added = 0
  for (const purchase of plan.purchases) {
    if (existing.has(purchase.externalRef)) continue
    let customerId = purchase.customerId
    if (!customerId && purchase.newCustomerKey) {
      customerId = createdIds.get(purchase.newCustomerKey)
      if (!customerId) {
        const spec = plan.newCustomers.find((customer) => customer.key === purchase.newCustomerKey)
        if (!spec) continue
        const created = await createEntity(writer, {
          kind: 'customer',
          name: spec.name,
          contact: {
            emails: spec.email ? [spec.email] : [],
            phones: spec.phone ? [spec.phone] : [],
          },
        })
        customerId = created.id
        createdIds.set(purchase.newCustomerKey, customerId)
      }
    }
    if (!customerId) continue
    await writer.put('transactions', {
      id: newId(),
      customerId,
      at: purchase.at,
      amount: purchase.amount,
      currency: purchase.currency,
      items: purchase.items,
      ...(purchase.channel ? { channel: purchase.channel } : {}),
      externalRef: purchase.externalRef,
    })
    existing.add(purchase.externalRef)
    added += 1
  }
  return { added, customersCreated: createdIds.size }
}
