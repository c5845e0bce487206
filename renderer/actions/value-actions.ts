/**
 * Actions of "value and segments": go to Segments, create / rename / delete / edit a segment,
 * export customers, purchases and segment members as CSV, import purchases. Every data change
 * goes through `app.change()`, so undo covers it.
 */
import { customersCsv, purchasesCsv } from '../../src/io/csv-export'
import type { CustomerExportRow } from '../../src/io/csv-export'
import { newId } from '../../src/model/ids'
import type { Segment } from '../../src/model/records'
import type { SegmentRule } from '../../src/value/segment-rules'
import { computeValueModel } from '../../src/value/value-model'
import type { ValueModel } from '../../src/value/value-model'
import type { ShownValueModel } from '../../src/value/value-views'
import { purchaseImportRequests } from '../app/purchase-import-store'
import { describeError } from './errors'
import type { Action, ActionContext } from './types'

async function guarded(context: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    context.app.toast(describeError(error, context.t), { tone: 'error' })
  }
}

const hasNotebook = (context: ActionContext) => context.app.state.notebook !== null

export function createSegment(context: ActionContext, rule?: SegmentRule): Promise<void> {
  return guarded(context, async () => {
    const { t, app, dialogs } = context
    const name = await dialogs.prompt({
      title: t('segments.new'),
      label: t('segments.newName'),
      initial: t('segments.defaultName'),
      confirmLabel: t('common.create'),
    })
    if (!name) return
    const id = newId()
    const navigate = context.navigateLater()
    await app.change(t('segments.createHistoryLabel'), async (writer) => {
      await writer.put('segments', { id, name, rule: rule ?? { match: 'all', conditions: [] } })
    })
    navigate('segments', id)
  })
}

export function saveSegmentRule(
  context: ActionContext,
  id: string,
  rule: SegmentRule,
): Promise<void> {
  return guarded(context, async () => {
    await context.app.change(context.t('segments.saveHistoryLabel'), async (writer) => {
      await writer.update('segments', id, { rule })
    })
  })
}

export function renameSegment(context: ActionContext, segment: Segment): Promise<void> {
  return guarded(context, async () => {
    const { t, app, dialogs } = context
    const name = await dialogs.prompt({
      title: t('segments.renameTitle'),
      label: t('segments.newName'),
      initial: segment.name,
      confirmLabel: t('common.rename'),
    })
    if (!name || name === segment.name) return
    await app.change(t('segments.renameHistoryLabel'), async (writer) => {
      await writer.update('segments', segment.id, { name })
    })
  })
}

export function deleteSegment(context: ActionContext, segment: Segment): Promise<void> {
  return guarded(context, async () => {
    const { t, app } = context
    const navigate = context.navigateLater()
    await app.change(t('segments.deleteHistoryLabel'), (writer) =>
      writer.delete('segments', segment.id),
    )
    navigate('segments')
    app.toast(t('segments.deleted', { name: segment.name }), {
      tone: 'info',
      action: {
        label: t('common.undo'),
        run: () => void app.history.undo(),
      },
    })
  })
}

/** A CSV through the platform's save dialog (a download in a browser). */
export function saveCsv(
  context: ActionContext,
  suggestedName: string,
  text: string,
): Promise<void> {
  return guarded(context, async () => {
    const { t, app } = context
    const result = await app.bridge.saveFile({
      title: suggestedName,
      suggestedName,
      filters: [{ name: t('segments.csvFileType'), extensions: ['csv'] }],
      // A byte-order mark, so spreadsheets read the UTF-8 accents right.
      bytes: new TextEncoder().encode(`\uFEFF${text}`),
    })
    if (result.status === 'saved') app.toast(t('segments.exported', { name: result.name }))
    else if (result.status === 'failed') {
      app.toast(t('segments.exportFailed', { reason: result.reason }), { tone: 'error' })
    }
  })
}

/** The export rows of the given customers (all when `ids` is undefined). */
export function customerRows(
  model: ShownValueModel,
  ids?: readonly string[],
): CustomerExportRow[] {
  const wanted = ids ? new Set(ids) : undefined
  return model.customers
    .filter((customer) => !wanted || wanted.has(customer.id))
    .map((customer) => ({
      customer,
      summary: model.summaries.get(customer.id),
      rfm: model.rfm.get(customer.id),
      tier: model.tiers.tierOf.get(customer.id),
      stage: model.stages.get(customer.id),
    }))
}

export const fileSlug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60) || 'export'

async function readModel(context: ActionContext): Promise<ValueModel | undefined> {
  const db = context.app.state.notebook?.store.db
  if (!db) return undefined
  const [entities, ties, notes, transactions] = await Promise.all([
    db.entities.toArray(),
    db.ties.toArray(),
    db.notes.toArray(),
    db.transactions.toArray(),
  ])
  return computeValueModel({ entities, ties, notes, purchases: transactions, now: Date.now() })
}

export const goSegmentsAction: Action = {
  name: 'go.segments',
  label: ({ t }) => t('segments.go'),
  shortcut: 'Mod+6',
  group: 'navigate',
  keywords: ['rfm', 'value', 'valeur', 'champions', 'pareto'],
  isAvailable: hasNotebook,
  perform: (context) => context.navigate('segments'),
}

export const newSegmentAction: Action = {
  name: 'segments.new',
  label: ({ t }) => t('segments.newAction'),
  group: 'actions',
  keywords: ['segment', 'rule', 'règle'],
  isAvailable: hasNotebook,
  perform: (context) => createSegment(context),
}

export const exportCustomersAction: Action = {
  name: 'customers.export-csv',
  label: ({ t }) => t('segments.exportCustomers'),
  group: 'actions',
  keywords: ['csv', 'export', 'spreadsheet', 'tableur'],
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const model = await readModel(context)
      if (model) await saveCsv(context, 'customers.csv', customersCsv(customerRows(model)))
    }),
}

export const exportPurchasesAction: Action = {
  name: 'purchases.export-csv',
  label: ({ t }) => t('segments.exportPurchases'),
  group: 'actions',
  keywords: ['csv', 'export', 'transactions', 'achats'],
  isAvailable: hasNotebook,
  perform: (context) =>
    guarded(context, async () => {
      const db = context.app.state.notebook?.store.db
      if (!db) return
      const [purchases, customers] = await Promise.all([
        db.transactions.orderBy('at').toArray(),
        db.entities.where('kind').equals('customer').toArray(),
      ])
      const names = new Map(customers.map((customer) => [customer.id, customer.name]))
      await saveCsv(context, 'purchases.csv', purchasesCsv(purchases, names))
    }),
}

export const importPurchasesAction: Action = {
  name: 'purchases.import',
  label: ({ t }) => t('purchases.importAction'),
  group: 'actions',
  keywords: ['csv', 'import', 'shopify', 'square', 'sumup', 'woocommerce', 'achats'],
  isAvailable: hasNotebook,
  perform: (context) => {
    // The import dialog lives in the Segments view, where its result shows.
    context.navigate('segments')
    purchaseImportRequests.request()
  },
}

export const VALUE_ACTIONS: readonly Action[] = [
  goSegmentsAction,
  newSegmentAction,
  importPurchasesAction,
  exportCustomersAction,
  exportPurchasesAction,
]
