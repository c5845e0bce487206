/**
 * The app's state outside React: which notebook is open, the undo history, settings. Views
 * subscribe through `useApp()`; actions call its methods. Keeping it a plain class makes the
 * flow easy to follow and to drive from tests.
 */
import type { i18n as I18n } from 'i18next'
import { invertChanges } from '../../src/db/change-set'
import type { ChangeSet, RecordChange } from '../../src/db/change-set'
import { openNotebookDb } from '../../src/db/notebook-db'
import type { IndexedDbImplementation, OpenError } from '../../src/db/notebook-db'
import { NotebookStore } from '../../src/db/notebook-store'
import type { Writer } from '../../src/db/notebook-store'
import { Registry } from '../../src/db/registry'
import type { NotebookEntry } from '../../src/db/registry-db'
import { UndoHistory } from '../../src/actions/history'
import type { HistoryEntry } from '../../src/actions/history'
import { pickLanguage } from '../../src/i18n'
import type { Language, LanguageSetting } from '../../src/i18n'
import { parseNotebookText } from '../../src/io/notebook-file'
import { loadNotebookFile } from '../../src/io/load-notebook'
import type { AppInfo, DesktopBridge } from '../../src/platform/desktop-bridge'

export type ThemeSetting = 'system' | 'light' | 'dark'

/**
 * Every purchase a bulk write handed to the model workers as `delivery`, named by the delivery
 * alone: no listener on the page reads purchases' ids, and half a million of them took the page
 * hundreds of tasks to receive and pass on.
 */
export interface DeliveredPurchases {
  table: 'transactions'
  id?: undefined
  delivery: string
}

/**
 * Which records changed: a change set, or only the tables and ids of a bulk write, with the
 * delivery that handed its records to the model workers (`src/db/input-deliveries.ts`).
 */
export type ChangedRecords = readonly (
  (Pick<RecordChange, 'table' | 'id'> & { delivery?: string }) | DeliveredPurchases
)[]

/** Whether `change` stands for a delivery's purchases rather than one record. */
export function isDeliveredPurchases(change: { id?: string }): change is DeliveredPurchases {
  return change.id === undefined
}

export interface OpenNotebook {
  entry: NotebookEntry
  store: NotebookStore
}

export interface AppSnapshot {
  status: 'starting' | 'ready'
  notebook: OpenNotebook | null
  openError: OpenError | null
  language: Language
  languageSetting: LanguageSetting
  theme: ThemeSetting
}

export interface Toast {
  id: number
  message: string
  tone: 'info' | 'error'
  /** An optional button on the toast, such as Undo. */
  action?: { label: string; run: () => void }
}

export class AppController {
  readonly registry: Registry
  readonly history = new UndoHistory()
  private snapshot: AppSnapshot
  private listeners = new Set<() => void>()
  private toastListeners = new Set<(toast: Toast) => void>()
  private changeListeners = new Set<(changes: ChangedRecords, notebookId: string) => void>()
  private nextToastId = 1

  constructor(
    readonly bridge: DesktopBridge,
    readonly i18n: I18n,
    readonly info: AppInfo,
    readonly idb: IndexedDbImplementation,
    private readonly clock: () => number = Date.now,
  ) {
    this.registry = new Registry(idb, clock)
    this.snapshot = {
      status: 'starting',
      notebook: null,
      openError: null,
      language: i18n.language === 'fr' ? 'fr' : 'en',
      languageSetting: 'system',
      theme: 'system',
    }
  }

  get state(): AppSnapshot {
    return this.snapshot
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): AppSnapshot => this.snapshot

  private update(patch: Partial<AppSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    for (const listener of this.listeners) listener()
  }

  /** Reads settings, removes notebooks whose undo period is over, opens the last notebook. */
  async start(): Promise<void> {
    const [languageSetting, theme] = await Promise.all([
      this.registry.getSetting<LanguageSetting>('language', 'system'),
      this.registry.getSetting<ThemeSetting>('theme', 'system'),
    ])
    await this.applyLanguage(languageSetting)
    this.update({ theme })
    await this.registry.purgeDeleted()
    const [last] = await this.registry.listNotebooks()
    if (last) await this.openNotebook(last.id)
    this.update({ status: 'ready' })
  }

  async openNotebook(id: string): Promise<boolean> {
    const entry = await this.registry.get(id)
    if (!entry || entry.deletedAt !== undefined) return false
    const result = await openNotebookDb(id, this.idb)
    if (!result.ok) {
      this.update({ openError: result.error })
      return false
    }
    this.closeCurrent()
    await this.registry.markOpened(id)
    this.history.clear()
    this.update({
      notebook: { entry, store: new NotebookStore(result.db, this.clock) },
      openError: null,
    })
    return true
  }

  private closeCurrent(): void {
    this.snapshot.notebook?.store.db.close()
  }

  /** Creates a notebook, empty or filled with the sample in `sample`'s language, and opens it. */
  async createNotebook(name: string, sample?: Language): Promise<NotebookEntry> {
    const entry = await this.registry.createNotebook(name, sample ? 'sample' : 'empty')
    if (sample) {
      try {
        await this.fillWithSample(entry.id, sample)
      } catch (error) {
        await this.registry.discardNotebook(entry.id)
        throw error
      }
    }
    await this.openNotebook(entry.id)
    return entry
  }

  private async fillWithSample(notebookId: string, language: Language): Promise<void> {
    const text = await loadSampleText(language)
    const restored = parseNotebookText(text)
    if (!restored.ok) throw new Error(restored.error.code)
    const opened = await openNotebookDb(notebookId, this.idb)
    if (!opened.ok) throw new Error(opened.error.code)
    try {
      await loadNotebookFile(opened.db, restored.file, this.clock())
    } finally {
      opened.db.close()
    }
  }

  async renameNotebook(id: string, name: string): Promise<void> {
    const entry = await this.registry.renameNotebook(id, name)
    const current = this.snapshot.notebook
    if (current?.entry.id === id) this.update({ notebook: { ...current, entry } })
  }

  /** Marks a notebook deleted and opens the next one, if any. Undone by `restoreNotebook`. */
  async deleteNotebook(id: string): Promise<void> {
    await this.registry.deleteNotebook(id)
    if (this.snapshot.notebook?.entry.id === id) {
      this.closeCurrent()
      this.history.clear()
      this.update({ notebook: null })
      const [next] = await this.registry.listNotebooks()
      if (next) await this.openNotebook(next.id)
    }
  }

  async restoreNotebook(id: string): Promise<void> {
    await this.registry.restoreNotebook(id)
    await this.openNotebook(id)
  }

  /**
   * Changes the open notebook through one store write and records it for undo.
   * `label` is what the user did, in their language.
   */
  async change<R>(label: string, perform: (writer: Writer) => Promise<R>): Promise<R> {
    const notebook = this.snapshot.notebook
    if (!notebook) throw new Error('No notebook is open')
    const { result, changes } = await notebook.store.write(perform)
    if (changes.length > 0) {
      const replay = async (toApply: ChangeSet) => {
        await notebook.store.replay(toApply)
        this.emitChanges(toApply, notebook.entry.id)
      }
      this.history.push({
        label,
        undo: () => replay(invertChanges(changes)),
        redo: () => replay(changes),
      })
      this.emitChanges(changes, notebook.entry.id)
    }
    return result
  }

  /**
   * Records, as one undoable step, a change written without `change()`: a bulk import written by
   * its worker, whose records never come to the page. `undo` and `redo` do their own writing
   * (in chunks, off the page) and call `emitChanges` with what they touched; `dispose` is called
   * when the step leaves the history.
   */
  recordBulkChange(entry: HistoryEntry): void {
    this.history.push(entry)
  }

  /**
   * Tells listeners (the search index, for one) which records a write, an undo or a redo
   * changed. Writes that bypass `change()` must call this themselves; a bulk write may call it
   * once per chunk with only the tables and ids (listeners read the records they need).
   */
  emitChanges(changes: ChangedRecords, notebookId: string): void {
    if (changes.length === 0) return
    for (const listener of this.changeListeners) listener(changes, notebookId)
  }

  onChanges(listener: (changes: ChangedRecords, notebookId: string) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  async setLanguage(setting: LanguageSetting): Promise<void> {
    await this.registry.setSetting('language', setting)
    await this.applyLanguage(setting)
  }

  private async applyLanguage(setting: LanguageSetting): Promise<void> {
    const language = pickLanguage(setting, this.info.locales)
    if (this.i18n.language !== language) await this.i18n.changeLanguage(language)
    document.documentElement.lang = language
    this.update({ language, languageSetting: setting })
  }

  async setTheme(theme: ThemeSetting): Promise<void> {
    await this.registry.setSetting('theme', theme)
    this.update({ theme })
  }

  toast(message: string, options: Omit<Toast, 'id' | 'message'> = { tone: 'info' }): void {
    const toast = { id: this.nextToastId++, message, ...options }
    for (const listener of this.toastListeners) listener(toast)
  }

  onToast(listener: (toast: Toast) => void): () => void {
    this.toastListeners.add(listener)
    return () => this.toastListeners.delete(listener)
  }
}

/** The sample notebooks are loaded only when asked for, as their own chunks. */
async function loadSampleText(language: Language): Promise<string> {
  const module =
    language === 'fr'
      ? await import('../../assets/samples/sample-fr.carnet?raw')
      : await import('../../assets/samples/sample-en.carnet?raw')
  return module.default
}
