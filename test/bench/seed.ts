/**
 * Putting a generated notebook into the app: records are written straight into the open
 * notebook's IndexedDB from the page, in chunks, as fast as IndexedDB takes them.
 */
import type { Page } from '@playwright/test'

const CHUNK = 10_000

/** The id of the (only) notebook listed in the registry. */
export async function notebookId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('carnet-registry')
        open.onerror = () => reject(new Error(String(open.error)))
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction('notebooks').objectStore('notebooks').getAll()
          all.onsuccess = () => {
            const entries = all.result as { id: string; deletedAt?: number }[]
            db.close()
            resolve(entries.filter((entry) => !entry.deletedAt)[0]!.id)
          }
          all.onerror = () => reject(new Error(String(all.error)))
        }
      }),
  )
}

export async function writeRecords(
  page: Page,
  database: string,
  table: string,
  records: unknown[],
) {
  for (let from = 0; from < records.length; from += CHUNK) {
    await page.evaluate(
      ({ database, table, chunk }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(database)
          open.onerror = () => reject(new Error(String(open.error)))
          open.onsuccess = () => {
            const db = open.result
            const transaction = db.transaction(table, 'readwrite')
            const store = transaction.objectStore(table)
            for (const value of chunk) store.put(value)
            transaction.oncomplete = () => {
              db.close()
              resolve()
            }
            transaction.onerror = () => reject(new Error(String(transaction.error)))
          }
        }),
      { database, table, chunk: records.slice(from, from + CHUNK) },
    )
  }
}
