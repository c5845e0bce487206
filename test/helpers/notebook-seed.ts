/**
 * Reaching a notebook's IndexedDB from outside the app, for end-to-end tests and benchmarks:
 * records are written straight into the open notebook's database from the page, in chunks, as
 * fast as IndexedDB takes them, and read back the same way.
 */
import type { Page } from '@playwright/test'

const CHUNK = 10_000

/** The id of the one notebook the registry lists; fails if there is not exactly one. */
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
            const live = entries.filter((entry) => entry.deletedAt === undefined)
            if (live.length !== 1) {
              reject(new Error(`expected one notebook, found ${String(live.length)}`))
            } else resolve(live[0]!.id)
          }
          all.onerror = () => reject(new Error(String(all.error)))
        }
      }),
  )
}

/** The database name of the one notebook the registry lists. */
export async function notebookDatabase(page: Page): Promise<string> {
  return `carnet-notebook-${await notebookId(page)}`
}

/** Puts records into a table, one transaction per chunk; returns how many were written. */
export async function writeRecords(
  page: Page,
  database: string,
  table: string,
  records: unknown[],
): Promise<number> {
  let written = 0
  for (let from = 0; from < records.length; from += CHUNK) {
    written += await page.evaluate(
      ({ database, table, chunk }) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(database)
          open.onerror = () => reject(new Error(String(open.error)))
          open.onsuccess = () => {
            const db = open.result
            const transaction = db.transaction(table, 'readwrite')
            const store = transaction.objectStore(table)
            for (const value of chunk) store.put(value)
            transaction.oncomplete = () => {
              db.close()
              resolve(chunk.length)
            }
            transaction.onerror = () => reject(new Error(String(transaction.error)))
          }
        }),
      { database, table, chunk: records.slice(from, from + CHUNK) },
    )
  }
  return written
}

/** Every record of a table, in key order. */
export async function readRecords<T>(page: Page, database: string, table: string): Promise<T[]> {
  return page.evaluate(
    ({ database, table }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(database)
        open.onerror = () => reject(new Error(String(open.error)))
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction(table).objectStore(table).getAll()
          all.onsuccess = () => {
            db.close()
            resolve(all.result as T[])
          }
          all.onerror = () => reject(new Error(String(all.error)))
        }
      }),
    { database, table },
  )
}
