/**
 * The customer's rights: record consent (append-only), export everything held about them
 * (readable HTML or JSON) and erase them completely. Each write is one `app.change`, so undo
 * covers it until Carnet closes.
 */
import type { TFunction } from 'i18next'
import { formatMoney } from '../../src/notebook/customer-summary'
import { recordConsent } from '../../src/notebook/consents'
import type { NewConsent } from '../../src/notebook/consents'
import { applyErase, planErase } from '../../src/notebook/erase'
import type { ErasePlan } from '../../src/notebook/erase'
import {
  collectCustomerData,
  customerDataJson,
  customerReportHtml,
} from '../../src/io/customer-export'
import type { ReportLabels } from '../../src/io/customer-export'
import { utf8Encode } from '../../src/io/encryption'
import { exportNotebook, notebookFileName } from '../../src/io/notebook-transfer'
import { describeError } from './errors'
import type { ActionContext } from './types'

async function guarded(context: ActionContext, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    context.app.toast(describeError(error, context.t), { tone: 'error' })
  }
}

export function addConsent(context: ActionContext, input: NewConsent): Promise<void> {
  return guarded(context, async () => {
    await context.app.change(context.t('rights.consentHistoryLabel'), (writer) =>
      recordConsent(writer, input),
    )
  })
}

function reportLabels(t: TFunction, language: string, name: string): ReportLabels {
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' })
  return {
    lang: language,
    title: t('rights.reportTitle', { name }),
    exported: t('rights.reportExported', { date: dateFormat.format(Date.now()) }),
    identity: t('rights.reportIdentity'),
    ties: t('rights.reportTies'),
    notes: t('rights.reportNotes'),
    purchases: t('rights.reportPurchases'),
    consents: t('rights.reportConsents'),
    none: t('rights.reportNone'),
    given: t('rights.given'),
    withdrawn: t('rights.withdrawn'),
    fields: {
      name: t('customer.fields.name'),
      kind: t('customer.kind'),
      tags: t('customer.fields.tags'),
      emails: t('customer.fields.emails'),
      phones: t('customer.fields.phones'),
      address: t('customer.fields.address'),
      birthday: t('customer.fields.birthday'),
      organisation: t('customer.fields.organisation'),
      website: t('customer.fields.website'),
      summary: t('customer.summary'),
    },
    date: (at) => dateFormat.format(at),
    money: (amount, currency) => formatMoney(amount, currency, language),
    tieType: (type) => t(`tieType.${type}`, { defaultValue: type }),
    kind: (kind) => t(`entityKind.${kind}`, { defaultValue: kind }),
  }
}

/** Saves everything the notebook holds about one customer, as a readable page or as data. */
export function exportCustomer(
  context: ActionContext,
  entityId: string,
  format: 'html' | 'json',
): Promise<void> {
  return guarded(context, async () => {
    const { app, t } = context
    const notebook = app.state.notebook
    if (!notebook) return
    const file = await exportNotebook(notebook.store.db, notebook.entry.name, Date.now())
    const data = collectCustomerData(file.tables, entityId)
    if (!data) return
    const text =
      format === 'json'
        ? customerDataJson(data, Date.now())
        : customerReportHtml(data, reportLabels(t, app.state.language, data.entity.name))
    const date = new Date().toISOString().slice(0, 10)
    const result = await app.bridge.saveFile({
      title: format === 'json' ? t('rights.exportData') : t('rights.exportReadable'),
      suggestedName: notebookFileName(data.entity.name, date).replace(/\.carnet$/, `.${format}`),
      filters: [{ name: format.toUpperCase(), extensions: [format] }],
      bytes: utf8Encode(text),
    })
    if (result.status === 'saved') app.toast(t('rights.exported', { name: result.name }))
    else if (result.status === 'failed') {
      app.toast(t('dataFile.exportFailed', { reason: result.reason }), { tone: 'error' })
    }
  })
}

function eraseBody(t: TFunction, name: string, counts: ErasePlan['counts']): string {
  const parts = [
    t('rights.eraseEntry'),
    ...(
      [
        ['rights.eraseTies', counts.ties],
        ['rights.eraseNotes', counts.notes],
        ['rights.erasePurchases', counts.purchases],
        ['rights.eraseConsents', counts.consents],
        ['rights.eraseTrash', counts.trash],
      ] as const
    )
      .filter(([, count]) => count > 0)
      .map(([key, count]) => t(key, { count })),
  ]
  const mentions = counts.mentions > 0 ? t('rights.eraseMentions', { count: counts.mentions }) : ''
  return t('rights.eraseBody', { name, parts: parts.join(', '), mentions }).replace(/\s+/g, ' ')
}

/** Shows what erasing removes, then erases in one undoable write and goes back to the list. */
export function eraseCustomer(context: ActionContext, entityId: string): Promise<void> {
  return guarded(context, async () => {
    const { app, t, dialogs } = context
    const notebook = app.state.notebook
    if (!notebook) return
    const file = await exportNotebook(notebook.store.db, notebook.entry.name, Date.now())
    const plan = planErase(file.tables, entityId, t('rights.formerCustomer'))
    if (!plan) return
    const name = plan.entity.name
    const confirmed = await dialogs.confirm({
      title: t('rights.eraseTitle', { name }),
      body: eraseBody(t, name, plan.counts),
      confirmLabel: t('rights.eraseConfirm'),
      danger: true,
    })
    if (!confirmed) return
    const navigate = context.navigateLater()
    await app.change(t('rights.eraseHistoryLabel'), (writer) => applyErase(writer, plan))
    navigate('customers')
    app.toast(t('rights.erased', { name }))
  })
}
