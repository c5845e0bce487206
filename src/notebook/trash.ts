/** Restoring from and emptying the trash. */
import { TABLE_NAMES } from '../model/records'
import type { TableName } from '../model/records'
import type { Draft, Writer } from '../db/notebook-store'

function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name) && name !== 'trash'
}

/** Puts every record of a trash item back where it was, then removes the item. */
export async function restoreTrashItem(writer: Writer, trashId: string): Promise<boolean> {
  const item = await writer.get('trash', trashId)
  if (!item) return false
  for (const { table, value } of item.records) {
    if (!isTableName(table)) continue
    await writer.put(table, value as Draft<typeof table>)
  }
  await writer.delete('trash', trashId)
  return true
}

export async function emptyTrash(writer: Writer): Promise<number> {
  const items = await writer.db.trash.toArray()
  for (const item of items) await writer.delete('trash', item.id)
  return items.length
}
