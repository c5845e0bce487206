/**
 * Notebooks and settings, over the registry database.
 *
 * Deleting a notebook only marks it: its database stays until `DELETE_GRACE_MS` has passed, so
 * the deletion can be undone. `purgeDeleted` removes the expired ones for good.
 */
import { newId } from '../model/ids'
import { deleteSearchDb } from '../search/search-db'
import { deleteNotebookDb } from './notebook-db'
import type { IndexedDbImplementation } from './notebook-db'
import { createRegistryDb, notebookEntrySchema } from './registry-db'
import type { NotebookEntry, RegistryDb } from './registry-db'

export const DELETE_GRACE_MS = 7 * 24 * 60 * 60 * 1000

export class Registry {
  readonly db: RegistryDb

  constructor(
    readonly idb: IndexedDbImplementation,
    private readonly clock: () => number = Date.now,
  ) {
    this.db = createRegistryDb(idb)
  }

  /** Notebooks not deleted, most recently opened first. */
  async listNotebooks(): Promise<NotebookEntry[]> {
    const all = await this.db.notebooks.toArray()
    return all
      .filter((entry) => entry.deletedAt === undefined)
      .sort((a, b) => b.openedAt - a.openedAt || a.name.localeCompare(b.name))
  }

  async listDeleted(): Promise<NotebookEntry[]> {
    const all = await this.db.notebooks.toArray()
    return all.filter((entry) => entry.deletedAt !== undefined)
  }

  async get(id: string): Promise<NotebookEntry | undefined> {
    return this.db.notebooks.get(id)
  }

  async createNotebook(name: string, origin: NotebookEntry['origin'] = 'empty'): Promise<NotebookEntry> {
    const now = this.clock()
    const entry = notebookEntrySchema.parse({ id: newId(), name, origin, createdAt: now, updatedAt: now, openedAt: now })
    await this.db.notebooks.add(entry)
    return entry
  }

  async renameNotebook(id: string, name: string): Promise<NotebookEntry> {
    const current = await this.db.notebooks.get(id)
    if (!current) throw new Error(`No notebook ${id}`)
    const entry = notebookEntrySchema.parse({ ...current, name, updatedAt: this.clock() })
    await this.db.notebooks.put(entry)
    return entry
  }

  async markOpened(id: string): Promise<void> {
    await this.db.notebooks.update(id, { openedAt: this.clock() })
  }

  async deleteNotebook(id: string): Promise<void> {
    await this.db.notebooks.update(id, { deletedAt: this.clock() })
  }

  async restoreNotebook(id: string): Promise<void> {
    const entry = await this.db.notebooks.get(id)
    if (!entry) return
    const { deletedAt: _deletedAt, ...rest } = entry
    await this.db.notebooks.put({ ...rest, openedAt: this.clock() })
  }

  /** Removes for good the notebooks deleted longer ago than the grace period. */
  async purgeDeleted(graceMs = DELETE_GRACE_MS): Promise<string[]> {
    const limit = this.clock() - graceMs
    const expired = (await this.listDeleted()).filter((entry) => (entry.deletedAt ?? 0) <= limit)
    for (const entry of expired) {
      await deleteNotebookDb(entry.id, this.idb)
      await deleteSearchDb(entry.id, this.idb)
      await this.db.notebooks.delete(entry.id)
    }
    return expired.map((entry) => entry.id)
  }

  /** Removes a notebook and its database at once (used when its creation failed). */
  async discardNotebook(id: string): Promise<void> {
    await deleteNotebookDb(id, this.idb)
    await this.db.notebooks.delete(id)
  }

  async getSetting<T>(key: string, fallback: T): Promise<T> {
    const setting = await this.db.settings.get(key)
    return setting === undefined ? fallback : (setting.value as T)
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value })
  }
}
