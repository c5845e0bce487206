/**
 * The purchases a model worker keeps (`ModelInputCache`): by id, so that a change or a deletion
 * of one purchase finds it, but with the purchases of a bulk write kept as they were delivered.
 *
 * Why not one Map: inserting the 500,000 purchases of an import into a Map one id at a time took
 * a second in Node and three in a busy worker, the longest step between an import and its
 * segments. A delivered block stays as its columns, and the models read them there
 * (`PurchaseRows`); its ids are split, and get a lookup, the first time a purchase is written or
 * deleted on its own (a purchase added by hand is looked for there too): once per block, not on
 * the way from an import to its segments.
 */
import type { PurchaseFact } from '../notebook/customer-summary'
import type { PurchaseRows } from '../notebook/purchase-rows'
import { splitIds } from './input-deliveries'
import type { PurchaseColumns } from './input-deliveries'

/** The purchases of one delivery, in the delivery's order. */
interface DeliveredBlock {
  columns: PurchaseColumns
  ids?: string[]
  rowOf?: Map<string, number>
  /**
   * 1 where a purchase is kept elsewhere (already kept by id when the block came, or changed on
   * its own since) or was deleted.
   */
  leftOut?: Uint8Array
  /** Whether `leftOut` was handed out with the rows: it is copied before it changes. */
  leftOutShared: boolean
}

const idsOf = (block: DeliveredBlock) => (block.ids ??= splitIds(block.columns.ids))

const factAt = ({ columns }: DeliveredBlock, row: number): PurchaseFact => ({
  customerId: columns.customers[columns.customerOf[row]!]!,
  at: columns.at[row]!,
  amount: columns.amount[row]!,
  currency: columns.currencies[columns.currencyOf[row]!]!,
})

function leaveOut(block: DeliveredBlock, row: number): void {
  if (block.leftOut?.[row] === 1) return
  if (!block.leftOut) block.leftOut = new Uint8Array(block.columns.at.length)
  else if (block.leftOutShared) block.leftOut = block.leftOut.slice()
  block.leftOutShared = false
  block.leftOut[row] = 1
}

export class PurchaseStore {
  private readonly blocks: DeliveredBlock[] = []

  constructor(private readonly byId: Map<string, PurchaseFact> = new Map()) {}

  /** Writes one purchase (a new one or a new version): whichever copy held it before goes. */
  set(id: string, purchase: PurchaseFact): void {
    if (!this.byId.has(id)) this.removeFromBlocks(id)
    this.byId.set(id, purchase)
  }

  delete(id: string): void {
    if (!this.byId.delete(id)) this.removeFromBlocks(id)
  }

  /**
   * Writes the purchases of a bulk write. Applying it again, or after a reading that saw its
   * purchases, changes nothing: the ids already kept are written where they are.
   */
  putDelivered(columns: PurchaseColumns): void {
    if (columns.at.length === 0) return
    const block: DeliveredBlock = { columns, leftOutShared: false }
    // Ids are new to a store with no other block and no purchase by id: a first import into
    // an empty notebook, or into one read before it, checks nothing.
    const checkKept = this.byId.size > 0
    const checkBlocks = this.blocks.length > 0
    if (checkKept || checkBlocks) {
      idsOf(block).forEach((id, row) => {
        if (checkKept && this.byId.has(id)) {
          this.byId.set(id, factAt(block, row))
          leaveOut(block, row)
        } else if (checkBlocks) this.removeFromBlocks(id)
      })
    }
    this.blocks.push(block)
  }

  /** Deletes the purchases of a bulk write's undo; the block it delivered goes at once. */
  deleteDelivered(joinedIds: string): void {
    if (joinedIds === '') return
    const index = this.blocks.findIndex((block) => block.columns.ids === joinedIds)
    if (index >= 0) {
      const [block] = this.blocks.splice(index, 1)
      // Its purchases kept elsewhere are deleted there.
      const leftOut = block!.leftOut
      if (leftOut) {
        idsOf(block!).forEach((id, row) => {
          if (leftOut[row] === 1) this.delete(id)
        })
      }
      return
    }
    for (const id of splitIds(joinedIds)) this.delete(id)
  }

  /** Every purchase kept, each once, as the models read them. */
  rows(): PurchaseRows {
    return {
      facts: [...this.byId.values()],
      blocks: this.blocks.map((block) => {
        block.leftOutShared = true
        return block.leftOut
          ? { columns: block.columns, leftOut: block.leftOut }
          : { columns: block.columns }
      }),
    }
  }

  private removeFromBlocks(id: string): void {
    for (const block of this.blocks) {
      block.rowOf ??= new Map(idsOf(block).map((blockId, row) => [blockId, row]))
      const row = block.rowOf.get(id)
      if (row !== undefined) leaveOut(block, row)
    }
  }
}
