/**
 * Notebook files (`.carnet`): export the open notebook, import a file as a new notebook or merge
 * it into the open one after a preview. Files go through the desktop bridge; nothing is written
 * before the file has been read whole, decrypted and checked.
 */
import type { TFunction } from 'i18next'
import { newId } from '../../src/model/ids'
import { applyMergePlan, planMerge } from '../../src/io/merge-plan'
import {
  NOTEBOOK_EXTENSION,
  exportNotebook,
  importAsNewNotebook,
  notebookFileBytes,
  notebookFileName,
  readNotebookBytes,
} from '../../src/io/notebook-transfer'
import type { ReadError } from '../../src/io/notebook-transfer'
import { TABLE_NAMES } from '../../src/model/records'
import { chosenBytes } from '../platform/chosen-bytes'
import { recordExport } from '../app/backup-scheduler'
import { dataDialogs } from '../app/data-dialogs'
import { CONTACT_ACTIONS } from './contacts'
import { describeError } from './errors'
import type { Action, ActionContext } from './types'

async function guarded(context: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    context.app.toast(describeError(error, context.t), { tone: 'error' })
  }
}

export function describeReadError(error: ReadError, t: TFunction): string {
  const message = (() => {
    switch (error.code) {
      case 'empty':
        return t('dataFile.error.empty')
      case 'not-json':
        return t('dataFile.error.notJson')
      case 'not-a-notebook':
        return t('dataFile.error.notNotebook')
      case 'newer-format':
        return t('dataFile.error.newerFormat')
      case 'newer-schema':
        return t('dataFile.error.newerSchema')
      case 'newer-encryption':
        return t('dataFile.error.newerEncryption')
      case 'bad-envelope':
        return t('dataFile.error.badEnvelope')
      case 'unsafe-iterations':
        return t('dataFile.error.unsafeIterations')
      case 'wrong-passphrase':
        return t('dataFile.error.wrongPassphrase')
      case 'needs-passphrase':
        return t('dataFile.error.needsPassphrase')
    }
  })()
  return `${message} ${t('dataFile.error.untouched')}`
}

export function exportCurrentNotebook(context: ActionContext): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    const notebook = app.state.notebook
    if (!notebook) return
    const passphrase = await dataDialogs.ask({
      kind: 'export-passphrase',
      notebookName: notebook.entry.name,
    })
    if (passphrase === null) return
    const file = await exportNotebook(notebook.store.db, notebook.entry.name, Date.now())
    const bytes = await notebookFileBytes(file, passphrase)
    const result = await app.bridge.saveFile({
      title: t('dataFile.exportTitle', { name: notebook.entry.name }),
      suggestedName: notebookFileName(notebook.entry.name, new Date().toISOString().slice(0, 10)),
      filters: [{ name: t('dataFile.fileType'), extensions: [NOTEBOOK_EXTENSION] }],
      bytes,
    })
    if (result.status === 'saved') {
      await recordExport(app, Date.now())
      app.toast(t('dataFile.exported', { name: result.name }))
    } else if (result.status === 'failed') {
      app.toast(t('dataFile.exportFailed', { reason: result.reason }), { tone: 'error' })
    }
  })
}

export function importNotebookFile(context: ActionContext): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    const chosen = await app.bridge.chooseFile({
      title: t('dataFile.chooseTitle'),
      filters: [{ name: t('dataFile.fileType'), extensions: [NOTEBOOK_EXTENSION, 'json'] }],
    })
    if (!chosen) return
    const bytes = await chosenBytes(chosen)
    let read = await readNotebookBytes(bytes)
    let unlockError: string | undefined
    while (
      !read.ok &&
      (read.error.code === 'needs-passphrase' || read.error.code === 'wrong-passphrase')
    ) {
      const passphrase = await dataDialogs.ask({ kind: 'unlock', error: unlockError })
      if (passphrase === null) return
      read = await readNotebookBytes(bytes, passphrase)
      if (!read.ok && read.error.code === 'wrong-passphrase')
        unlockError = t('dataFile.error.wrongPassphrase')
    }
    if (!read.ok) {
      app.toast(describeReadError(read.error, t), { tone: 'error' })
      return
    }
    const { file, report } = read
    const current = app.state.notebook
    const records = TABLE_NAMES.reduce((sum, table) => sum + file.tables[table].length, 0)
    const choice = await dataDialogs.ask({
      kind: 'import-choice',
      fileName: file.name || chosen.name,
      records,
      refused: report.refused.length,
      currentName: current?.entry.name,
    })
    if (choice === null) return
    if (choice === 'new' || !current) {
      const name = (file.name || chosen.name.replace(/\.[^.]+$/, '')).slice(0, 180)
      const navigate = context.navigateLater()
      const entry = await importAsNewNotebook(
        app.registry,
        app.idb,
        file,
        t('dataFile.importedName', { name }),
        Date.now(),
      )
      await app.openNotebook(entry.id)
      app.toast(t('dataFile.imported', { name: entry.name }))
      navigate('home')
      return
    }
    const ours = await exportNotebook(current.store.db, current.entry.name, Date.now())
    const plan = planMerge(ours.tables, file.tables, {
      newId,
      conflictMarker: t('dataFile.conflictMarker', { name: file.name || chosen.name }),
    })
    if (plan.adds.length + plan.updates.length + plan.conflicts.length === 0) {
      app.toast(t('dataFile.nothingToMerge'))
      return
    }
    const names = new Map<string, string>()
    for (const entity of [...ours.tables.entities, ...file.tables.entities])
      names.set(entity.id, entity.name)
    const confirmed = await dataDialogs.ask({
      kind: 'merge-preview',
      currentName: current.entry.name,
      plan,
      names,
    })
    if (!confirmed) return
    await app.change(t('dataFile.mergeHistoryLabel'), (writer) => applyMergePlan(writer, plan))
    app.toast(t('dataFile.merged'))
  })
}

const hasNotebook = (context: ActionContext) => context.app.state.notebook !== null

export const exportNotebookAction: Action = {
  name: 'notebook.export',
  label: ({ t }) => t('dataFile.exportAction'),
  group: 'actions',
  keywords: ['export', 'exporter', 'backup', 'sauvegarde', 'carnet', 'file', 'fichier'],
  isAvailable: hasNotebook,
  perform: exportCurrentNotebook,
}

export const importNotebookAction: Action = {
  name: 'notebook.import',
  label: ({ t }) => t('dataFile.importAction'),
  group: 'actions',
  keywords: ['import', 'importer', 'merge', 'fusionner', 'carnet', 'file', 'fichier'],
  perform: importNotebookFile,
}

export const DATA_ACTIONS: readonly Action[] = [
  exportNotebookAction,
  importNotebookAction,
  ...CONTACT_ACTIONS,
]
