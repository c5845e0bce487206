/**
 * Moving a whole notebook in and out as a `.carnet` file: export (one read transaction over
 * every table), optional passphrase encryption, reading bytes back with every failure named, and
 * importing as a new notebook.
 *
 * Reading never writes: `readNotebookBytes` returns a restored file (plus the report of what was
 * repaired) or an error code the page translates. Only then does an import or a merge write.
 */
import { TABLE_NAMES } from '../model/records'
import type { TableName } from '../model/records'
import { CURRENT_SCHEMA_VERSION } from '../db/schema'
import { openNotebookDb } from '../db/notebook-db'
import type { IndexedDbImplementation, NotebookDb } from '../db/notebook-db'
import type { Registry } from '../db/registry'
import type { NotebookEntry } from '../db/registry-db'
import {
  decryptEnvelope,
  encryptBytes,
  isEncryptedEnvelope,
  utf8Decode,
  utf8Encode,
} from './encryption'
import type { DecryptError } from './encryption'
import {
  NOTEBOOK_FORMAT,
  NOTEBOOK_FORMAT_VERSION,
  emptyTables,
  restoreNotebookFile,
} from './notebook-file'
import type { NotebookFile, RestoreError, RestoreReport } from './notebook-file'
import { loadNotebookFile } from './load-notebook'

export const NOTEBOOK_EXTENSION = 'carnet'

/** Reads every table of a notebook in one read transaction, so the file is one consistent moment. */
export async function exportNotebook(
  db: NotebookDb,
  name: string,
  now: number,
): Promise<NotebookFile> {
  const tables = emptyTables()
  await db.transaction('r', TABLE_NAMES, async () => {
    for (const table of TABLE_NAMES) {
      ;(tables as Record<TableName, unknown[]>)[table] = await db.table(table).toArray()
    }
  })
  return {
    format: NOTEBOOK_FORMAT,
    formatVersion: NOTEBOOK_FORMAT_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name,
    exportedAt: now,
    tables,
  }
}

/** The bytes of a `.carnet` file; encrypted when a passphrase is given. */
export async function notebookFileBytes(
  file: NotebookFile,
  passphrase?: string,
): Promise<Uint8Array> {
  const plain = utf8Encode(JSON.stringify(file))
  if (passphrase === undefined || passphrase === '') return plain
  return utf8Encode(JSON.stringify(await encryptBytes(plain, passphrase)))
}

export type ReadError =
  RestoreError | DecryptError | { code: 'needs-passphrase' } | { code: 'empty' }

export type ReadResult =
  | { ok: true; file: NotebookFile; report: RestoreReport; encrypted: boolean }
  | { ok: false; error: ReadError }

/**
 * Reads a `.carnet` file's bytes. An encrypted file without a passphrase gives
 * `needs-passphrase`, so the page can ask for one and call again.
 */
export async function readNotebookBytes(
  bytes: Uint8Array,
  passphrase?: string,
): Promise<ReadResult> {
  if (bytes.length === 0) return { ok: false, error: { code: 'empty' } }
  const parsed = parseJsonBytes(bytes)
  if (!parsed.ok) return { ok: false, error: { code: 'not-json' } }
  let data = parsed.value
  const encrypted = isEncryptedEnvelope(data)
  if (encrypted) {
    if (passphrase === undefined || passphrase === '')
      return { ok: false, error: { code: 'needs-passphrase' } }
    const decrypted = await decryptEnvelope(data, passphrase)
    if (!decrypted.ok) return { ok: false, error: decrypted.error }
    const inner = parseJsonBytes(decrypted.bytes)
    if (!inner.ok) return { ok: false, error: { code: 'not-json' } }
    data = inner.value
  }
  const restored = restoreNotebookFile(data)
  if (!restored.ok) return restored
  return { ...restored, encrypted }
}

function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    const text = utf8Decode(bytes).replace(/^\uFEFF/, '')
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/**
 * Creates a notebook from a restored file. The registry entry and the notebook's database are
 * two databases, so they cannot share a transaction: the records land in one transaction, and
 * when that fails the new entry and its database are discarded, leaving nothing behind.
 */
export async function importAsNewNotebook(
  registry: Registry,
  idb: IndexedDbImplementation,
  file: NotebookFile,
  name: string,
  now: number,
): Promise<NotebookEntry> {
  const entry = await registry.createNotebook(name, 'import')
  try {
    const opened = await openNotebookDb(entry.id, idb)
    if (!opened.ok) throw new Error(opened.error.code)
    try {
      await loadNotebookFile(opened.db, file, now)
    } finally {
      opened.db.close()
    }
  } catch (error) {
    await registry.discardNotebook(entry.id)
    throw error
  }
  return entry
}

/** A file name for an export: the notebook's name without characters file systems refuse. */
export function notebookFileName(name: string, date: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
  return `${safe || 'Carnet'} ${date}.${NOTEBOOK_EXTENSION}`
}
