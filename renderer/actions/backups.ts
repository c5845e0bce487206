/**
 * Restoring a desktop backup: read it, preview what it would change, save the current state as a
 * backup first, then replace the notebook's records in one undoable step.
 */
import { planRestore } from '../../src/backup/restore'
import {
  exportNotebook,
  importAsNewNotebook,
  notebookFileBytes,
  readNotebookBytes,
} from '../../src/io/notebook-transfer'
import { invertChanges } from '../../src/db/change-set'
import type { BackupEntry } from '../../src/platform/desktop-bridge'
import { dataDialogs } from '../app/data-dialogs'
import { describeReadError } from './data-files'
import { describeError } from './errors'
import type { ActionContext } from './types'

export function restoreBackup(
  context: Pick<ActionContext, 'app' | 't' | 'navigateLater'>,
  backup: BackupEntry,
): Promise<void> {
  const { app, t } = context
  const date = new Intl.DateTimeFormat(app.state.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(backup.createdAt)
  const navigate = context.navigateLater()
  return (async () => {
    const bytes = await app.bridge.readBackup(backup.file)
    const read = await readNotebookBytes(bytes)
    if (!read.ok) {
      app.toast(describeReadError(read.error, t), { tone: 'error' })
      return
    }
    const entry = await app.registry.get(backup.notebookId)
    if (!entry || entry.deletedAt !== undefined) {
      const created = await importAsNewNotebook(
        app.registry,
        app.idb,
        read.file,
        t('dataFile.importedName', { name: backup.name || read.file.name }),
        Date.now(),
      )
      await app.openNotebook(created.id)
      app.toast(t('backup.restoredAsNew', { name: created.name }))
      navigate('home')
      return
    }
    if (app.state.notebook?.entry.id !== entry.id) await app.openNotebook(entry.id)
    const notebook = app.state.notebook
    if (!notebook) return
    const current = await exportNotebook(notebook.store.db, notebook.entry.name, Date.now())
    const plan = planRestore(current.tables, read.file.tables)
    const confirmed = await dataDialogs.ask({
      kind: 'restore-preview',
      notebookName: entry.name,
      date,
      plan,
    })
    if (!confirmed || plan.changes.length === 0) return
    // The state being replaced is itself kept as a backup first; without it, nothing happens.
    const safety = await app.bridge.writeBackup({
      notebookId: entry.id,
      name: entry.name,
      bytes: await notebookFileBytes(current),
    })
    if (safety.status === 'failed') {
      app.toast(t('backup.safetyFailed', { reason: safety.reason }), { tone: 'error' })
      return
    }
    const { changes } = plan
    const replay = async (toApply: typeof changes) => {
      await notebook.store.replay(toApply)
      app.emitChanges(toApply, entry.id)
    }
    await replay(changes)
    app.history.push({
      label: t('backup.restoreHistoryLabel'),
      undo: () => replay(invertChanges(changes)),
      redo: () => replay(changes),
    })
    app.toast(t('backup.restored', { name: entry.name, date }))
  })().catch((error: unknown) => {
    app.toast(describeError(error, t), { tone: 'error' })
  })
}
