/**
 * The purchases a model worker keeps (`ModelInputCache`): by id, so that a change or a deletion
 * of one purchase finds it, but with the purchases of a bulk write kept as they were delivered.
 *
 * Why not one Map: inserting the 500,000 purchases of an import into a Map one id at a time took
 * a second in Node and three in a busy worker, the longest step between an import and its
 * segments. A delivered block is only its ids and its purchases, as arrays. Its ids get a lookup
 * the first time a purchase is written or deleted on its own (a purchase added by hand is looked
 * for there too): once per block, not on the way from an import to its segments.
 */
import type { PurchaseFact } from '../notebook/customer-summary'
import { splitIds, unpackPurchases } from './input-deliveries'
import type { PurchaseColumns } from './input-deliveries'

/** The purchases of one delivery, in the delivery's order. */
interface DeliveredBlock {
  /** The ids as delivered (joined): the undo of a bulk write delivers the same string. */
  joinedIds: string
  ids: string[]
  /**
   * `undefined` where a purchase is kept elsewhere (already kept by id when the block came, or
   * changed on its own since) or was deleted.
   */
  purchases: (PurchaseFact | undefined)[]
  rowOf?: Map<string, number>
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
    const { ids, purchases: delivered } = unpackPurchases(columns)
    if (ids.length === 0) return
    const purchases: (PurchaseFact | undefined)[] = delivered
    // Ids are new to a store with no other block and no purchase by id: a first import into
    // an empty notebook, or into one read before it, checks nothing.
    const checkKept = this.byId.size > 0
    const checkBlocks = this.blocks.length > 0
    if (checkKept || checkBlocks) {
      ids.forEach((id, row) => {
        if (checkKept && this.byId.has(id)) {
          this.byId.set(id, purchases[row]!)
          purchases[row] = undefined
        } else if (checkBlocks) this.removeFromBlocks(id)
      })
    }
    this.blocks.push({ joinedIds: columns.ids, ids, purchases })
  }

  /** Deletes the purchases of a bulk write's undo; the block it delivered goes at once. */
  deleteDelivered(joinedIds: string): void {
    if (joinedIds === '') return
    const index = this.blocks.findIndex((block) => block.joinedIds === joinedIds)
    if (index >= 0) {
      const [block] = this.blocks.splice(index, 1)
      // Its purchases kept elsewhere are deleted there.
      block!.purchases.forEach((purchase, row) => {
        if (!purchase) this.delete(block!.ids[row]!)
      })
      return
    }
    for (const id of splitIds(joinedIds)) this.delete(id)
  }

  /** Every purchase kept, each once. */
  values(): PurchaseFact[] {
    const all = [...this.byId.values()]
    for (const block of this.blocks) {
      for (const purchase of block.purchases) if (purchase) all.push(purchase)
    }
    return all
  }

  private removeFromBlocks(id: string): void {
    for (const block of this.blocks) {
      block.rowOf ??= new Map(block.ids.map((blockId, row) => [blockId, row]))
      const row = block.rowOf.get(id)
      if (row !== undefined) block.purchases[row] = undefined
    }
  }
}
