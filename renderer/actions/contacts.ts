/**
 * Contacts in and out as vCard: import a `.vcf` file after reviewing likely duplicates (merge,
 * skip or add as new, one by one), export every customer of the notebook as one `.vcf` file.
 * The import is one store write, so one undo takes it back.
 */
import { applyContactImport } from '../../src/io/contacts-import'
import { utf8Encode } from '../../src/io/encryption'
import { notebookFileName } from '../../src/io/notebook-transfer'
import { customersToVCards } from '../../src/io/vcard-export'
import { chosenBytes } from '../platform/chosen-bytes'
import { readContactsOffPage } from '../app/contacts-reader'
import { dataDialogs } from '../app/data-dialogs'
import { describeError } from './errors'
import type { Action, ActionContext } from './types'

export const VCARD_EXTENSIONS = ['vcf', 'vcard']

/** A read taking longer than this shows a "Reading…" toast with Cancel. */
const SLOW_READ_MS = 1_000

async function guarded(context: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    context.app.toast(describeError(error, context.t), { tone: 'error' })
  }
}

export function importContacts(context: ActionContext): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    const notebook = app.state.notebook
    if (!notebook) return
    const chosen = await app.bridge.chooseFile({
      title: t('contacts.chooseTitle'),
      filters: [{ name: t('contacts.fileType'), extensions: VCARD_EXTENSIONS }],
    })
    if (!chosen) return
    const customers = await notebook.store.db.entities.where('kind').equals('customer').toArray()
    // Parsing and the duplicate search run in a worker. A quick read shows nothing; a slow one
    // (a large address book) says so, with a way to cancel.
    const cancelling = new AbortController()
    const slow = setTimeout(() => {
      app.toast(t('contacts.reading', { name: chosen.name }), {
        tone: 'info',
        action: { label: t('contacts.cancel'), run: () => cancelling.abort() },
      })
    }, SLOW_READ_MS)
    const read = await readContactsOffPage(await chosenBytes(chosen), customers, {
      signal: cancelling.signal,
    }).finally(() => clearTimeout(slow))
    if (!read.ok) {
      if ('isCancelled' in read) app.toast(t('contacts.cancelled'))
      else app.toast(t('contacts.unreadable'), { tone: 'error' })
      return
    }
    const { items } = read
    if (items.length === 0) {
      app.toast(t('contacts.none'), { tone: 'error' })
      return
    }
    const decisions = await dataDialogs.ask({
      kind: 'contacts-review',
      fileName: chosen.name,
      items,
    })
    if (decisions === null) return
    const navigate = context.navigateLater()
    const written = await app.change(t('contacts.historyLabel'), (writer) =>
      applyContactImport(writer, items, decisions),
    )
    app.toast(t('contacts.imported', { count: written }))
    navigate('customers')
  })
}

export function exportContacts(context: ActionContext): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    const notebook = app.state.notebook
    if (!notebook) return
    const customers = await notebook.store.db.entities.where('kind').equals('customer').toArray()
    customers.sort((a, b) => a.name.localeCompare(b.name))
    const date = new Date().toISOString().slice(0, 10)
    const result = await app.bridge.saveFile({
      title: t('contacts.exportAction'),
      suggestedName: notebookFileName(notebook.entry.name, date).replace(/\.carnet$/, '.vcf'),
      filters: [{ name: t('contacts.fileType'), extensions: ['vcf'] }],
      bytes: utf8Encode(customersToVCards(customers)),
    })
    if (result.status === 'saved') {
      app.toast(t('contacts.exported', { count: customers.length }))
    } else if (result.status === 'failed') {
      app.toast(t('dataFile.exportFailed', { reason: result.reason }), { tone: 'error' })
    }
  })
}

const hasNotebook = (context: ActionContext) => context.app.state.notebook !== null

export const importContactsAction: Action = {
  name: 'contacts.import',
  label: ({ t }) => t('contacts.importAction'),
  group: 'actions',
  keywords: ['vcard', 'vcf', 'contacts', 'import', 'importer', 'address book', 'carnet d’adresses'],
  isAvailable: hasNotebook,
  perform: importContacts,
}

export const exportContactsAction: Action = {
  name: 'contacts.export',
  label: ({ t }) => t('contacts.exportAction'),
  group: 'actions',
  keywords: ['vcard', 'vcf', 'contacts', 'export', 'exporter'],
  isAvailable: hasNotebook,
  perform: exportContacts,
}

export const CONTACT_ACTIONS: readonly Action[] = [importContactsAction, exportContactsAction]
