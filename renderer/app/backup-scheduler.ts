/**
 * Backups from the page's side. In the desktop app, every notebook changed since its last
 * backup is exported (it lives in the page's IndexedDB) and handed to the main process with
 * `writeBackup`: at start for notebooks never backed up, every 15 minutes while Carnet is in use,
 * and at quit. The main process writes, verifies and applies retention.
 *
 * At quit the shell asks (`onFlushBackups`) and waits for the answer (`backupsFlushed`), so the
 * page is not torn down mid-write (electron/main/quit-backup.ts); it asks only when the page has
 * said that something is left to back up (`backupsPending`). `pagehide` stays as a fallback and
 * backs up only what changed after such a flush, never the same state twice. In a browser there is no disk: a toast at start reminds the user to export
 * when the last export is older than 14 days (Settings shows the same as a banner).
 *
 * The decisions are pure (src/backup/schedule.ts); this file holds the timers and the I/O.
 */
import { openNotebookDb } from '../../src/db/notebook-db'
import type { NotebookDb } from '../../src/db/notebook-db'
import { exportNotebook, notebookFileBytes } from '../../src/io/notebook-transfer'
import { notebooksToBackUp, shouldRemindToExport } from '../../src/backup/schedule'
import type { BackupReason, NotebookBackupState } from '../../src/backup/schedule'
import type { WriteBackupResult } from '../../src/platform/desktop-bridge'
import type { AppController } from './controller'
import { hashOf } from './routes'

/** The registry setting holding when the user last exported a notebook to a file. */
export const LAST_EXPORT_SETTING = 'lastExportAt'

const TICK_MS = 60 * 1000

export async function lastExportAt(app: AppController): Promise<number | undefined> {
  const value = await app.registry.getSetting<number | null>(LAST_EXPORT_SETTING, null)
  return typeof value === 'number' ? value : undefined
}

export function recordExport(app: AppController, at: number): Promise<void> {
  return app.registry.setSetting(LAST_EXPORT_SETTING, at)
}

/** Whether the browser version should remind the user to export now. */
export async function needsExportReminder(app: AppController, now: number): Promise<boolean> {
  const notebooks = await app.registry.listNotebooks()
  const oldest = notebooks.reduce<number | undefined>(
    (min, entry) => (min === undefined ? entry.createdAt : Math.min(min, entry.createdAt)),
    undefined,
  )
  return shouldRemindToExport(await lastExportAt(app), oldest, now)
}

/** Exports one notebook (open or not) and hands it to the main process. */
export async function backUpNotebook(
  app: AppController,
  notebookId: string,
): Promise<WriteBackupResult> {
  const entry = await app.registry.get(notebookId)
  if (!entry || entry.deletedAt !== undefined) {
    return { status: 'failed', reason: 'The notebook no longer exists.' }
  }
  const open = app.state.notebook
  let db: NotebookDb
  let close: (() => void) | undefined
  if (open?.entry.id === notebookId) db = open.store.db
  else {
    const opened = await openNotebookDb(notebookId, app.idb)
    if (!opened.ok) return { status: 'failed', reason: opened.error.code }
    db = opened.db
    close = () => opened.db.close()
  }
  try {
    const file = await exportNotebook(db, entry.name, Date.now())
    const bytes = await notebookFileBytes(file)
    return await app.bridge.writeBackup({ notebookId, name: entry.name, bytes })
  } finally {
    close?.()
  }
}

export interface SchedulerOptions {
  clock?: () => number
  window?: Pick<
    Window,
    'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'
  >
}

/** Starts the backups (desktop) or the export reminder (browser); returns a stop function. */
export function startBackupScheduler(
  app: AppController,
  options: SchedulerOptions = {},
): () => void {
  const clock = options.clock ?? Date.now
  const target = options.window ?? window
  let isStopped = false

  if (app.info.runtime !== 'desktop') {
    void needsExportReminder(app, clock()).then((remind) => {
      if (!remind || isStopped) return
      app.toast(app.i18n.t('backup.remindToast'), {
        tone: 'info',
        action: {
          label: app.i18n.t('backup.remindAction'),
          run: () => {
            window.location.hash = hashOf('notebooks')
          },
        },
      })
    })
    return () => {
      isStopped = true
    }
  }

  const states = new Map<string, NotebookBackupState>()
  const state = (notebookId: string): NotebookBackupState => {
    let found = states.get(notebookId)
    if (!found) {
      found = { notebookId, changedAt: undefined, backedUpAt: undefined }
      states.set(notebookId, found)
    }
    return found
  }
  let running: Promise<void> = Promise.resolve()
  let hasReportedFailure = false
  /** When the shell's flush at quit started: pagehide then backs up only later changes. */
  let flushedAt: number | undefined
  /** What the shell was last told (`backupsPending`); it assumes nothing pending until told. */
  let isReportedPending = false

  const reportPending = (isPending: boolean) => {
    if (isPending === isReportedPending) return
    isReportedPending = isPending
    void app.bridge.backupsPending(isPending).catch(() => undefined)
  }
  const hasPending = () => notebooksToBackUp([...states.values()], 'quit', clock()).length > 0

  const run = (reason: BackupReason): Promise<void> => {
    running = running.then(async () => {
      const isLeaving = reason === 'pagehide' || reason === 'quit'
      if (isStopped && !isLeaving) return
      let due = notebooksToBackUp([...states.values()], reason, clock())
      if (reason === 'pagehide' && flushedAt !== undefined) {
        const since = flushedAt
        // The flush already tried these (a failure would only fail again as the page goes).
        due = due.filter((notebookId) => (state(notebookId).changedAt ?? 0) >= since)
      }
      for (const notebookId of due) {
        const startedAt = clock()
        try {
          const result = await backUpNotebook(app, notebookId)
          if (result.status === 'failed') throw new Error(result.reason)
          state(notebookId).backedUpAt = startedAt
        } catch (error) {
          if (!hasReportedFailure) {
            hasReportedFailure = true
            const reason = error instanceof Error ? error.message : String(error)
            app.toast(app.i18n.t('backup.failed', { reason }), { tone: 'error' })
          }
        }
      }
      if (!isLeaving) reportPending(hasPending())
    })
    return running
  }

  const stopChanges = app.onChanges((_changes, notebookId) => {
    state(notebookId).changedAt = clock()
    reportPending(true)
  })
  const onPageHide = () => void run('pagehide')
  target.addEventListener('pagehide', onPageHide)
  // The shell waits for this answer before quitting, up to a time limit: answer whatever happens.
  const stopFlushes = app.bridge.onFlushBackups(() => {
    flushedAt = clock()
    void run('quit').finally(() => app.bridge.backupsFlushed().catch(() => undefined))
  })
  const timer = target.setInterval(() => void run('interval'), TICK_MS)

  void (async () => {
    const [notebooks, backups] = await Promise.all([
      app.registry.listNotebooks(),
      app.bridge.listBackups(),
    ])
    for (const entry of notebooks) state(entry.id)
    for (const backup of backups) {
      const known = states.get(backup.notebookId)
      if (known) known.backedUpAt = Math.max(known.backedUpAt ?? 0, backup.createdAt)
    }
    await run('start')
  })().catch(() => undefined)

  return () => {
    isStopped = true
    stopChanges()
    stopFlushes()
    target.removeEventListener('pagehide', onPageHide)
    target.clearInterval(timer)
  }
}
