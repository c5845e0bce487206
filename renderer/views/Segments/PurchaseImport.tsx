/**
 * Importing purchases from a CSV file: choose the file, let the worker read and plan it (with
 * progress and Cancel), show the preview — the first rows, every problem, the matches to check —
 * and write only after confirmation, in one transaction (`applyPurchasePlan`): all rows or none,
 * and one undo step.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_FIELDS } from '../../../src/io/purchases-csv'
import type { CustomerKey, ImportField, ImportOptions } from '../../../src/io/purchases-csv'
import { applyPurchasePlan } from '../../../src/notebook/purchases'
import { describeError } from '../../actions/errors'
import type { ActionContext } from '../../actions/types'
import type { ImportReply } from '../../workers/purchases-import-protocol'
import { purchaseImportRequests } from '../../app/purchase-import-store'
import './PurchaseImport.css'

type Ready = Extract<ImportReply, { type: 'ready' }>
type Status =
  | { step: 'idle' }
  | { step: 'reading'; name: string; percent: number }
  | { step: 'preview'; name: string; ready: Ready }
  | { step: 'writing'; name: string; ready: Ready }

function startWorker(): Worker {
  return new Worker(new URL('../../workers/purchases-import.worker.ts', import.meta.url), {
    type: 'module',
  })
}

export function PurchaseImport({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Status>({ step: 'idle' })
  const worker = useRef<Worker | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)

  const stop = () => {
    worker.current?.terminate()
    worker.current = null
  }
  useEffect(() => stop, [])

  const open = status.step !== 'idle'
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  const choose = async () => {
    const { app } = context
    const db = app.state.notebook?.store.db
    if (!db) return
    const file = await app.bridge.chooseFile({
      title: t('purchases.importTitle'),
      filters: [{ name: t('purchases.fileType'), extensions: ['csv', 'txt', 'tsv'] }],
    })
    if (!file) return
    try {
      const [customers, transactions] = await Promise.all([
        db.entities.where('kind').equals('customer').toArray(),
        db.transactions.toArray(),
      ])
      const keys: CustomerKey[] = customers.map((customer) => ({
        id: customer.id,
        name: customer.name,
        emails: customer.contact?.emails ?? [],
        phones: customer.contact?.phones ?? [],
      }))
      const currencies = new Map<string, number>()
      for (const transaction of transactions) {
        currencies.set(transaction.currency, (currencies.get(transaction.currency) ?? 0) + 1)
      }
      const defaultCurrency =
        [...currencies].sort((a, b) => b[1] - a[1])[0]?.[0] ??
        (app.state.language === 'en' ? 'GBP' : 'EUR')
      stop()
      const started = startWorker()
      worker.current = started
      setStatus({ step: 'reading', name: file.name, percent: 0 })
      started.onmessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data
        if (reply.type === 'progress') {
          setStatus((current) =>
            current.step === 'reading' ? { ...current, percent: reply.percent } : current,
          )
        } else if (reply.type === 'ready') {
          setStatus({ step: 'preview', name: file.name, ready: reply })
        } else {
          stop()
          setStatus({ step: 'idle' })
          app.toast(t('purchases.unreadable', { reason: reply.reason }), { tone: 'error' })
        }
      }
      started.onerror = (event) => {
        stop()
        setStatus({ step: 'idle' })
        app.toast(
          t('purchases.unreadable', { reason: event.message || t('purchases.workerFailed') }),
          {
            tone: 'error',
          },
        )
      }
      started.postMessage({
        type: 'start',
        bytes: file.bytes,
        customers: keys,
        existingRefs: transactions.flatMap((transaction) =>
          transaction.externalRef ? [transaction.externalRef] : [],
        ),
        defaultCurrency,
      })
    } catch (error) {
      app.toast(describeError(error, t), { tone: 'error' })
    }
  }

  // The palette's "Import purchases" lands here.
  useEffect(() => purchaseImportRequests.subscribe(() => void choose()))

  const cancel = () => {
    const wasReading = status.step === 'reading'
    stop()
    setStatus({ step: 'idle' })
    if (wasReading) context.app.toast(t('purchases.cancelled'))
  }

  const replan = (options: ImportOptions) => {
    if (status.step !== 'preview' || !worker.current) return
    setStatus({ step: 'reading', name: status.name, percent: 0 })
    worker.current.postMessage({ type: 'replan', options })
  }

  const confirm = async () => {
    if (status.step !== 'preview') return
    const { ready, name } = status
    setStatus({ step: 'writing', name, ready })
    try {
      const { added } = await context.app.change(t('purchases.historyLabel'), (writer) =>
        applyPurchasePlan(writer, ready.plan),
      )
      stop()
      setStatus({ step: 'idle' })
      context.app.toast(t('purchases.imported', { count: added }))
    } catch (error) {
      setStatus({ step: 'preview', name, ready })
      context.app.toast(t('purchases.failed', { reason: describeError(error, t) }), {
        tone: 'error',
      })
    }
  }

  return (
    <>
      <button type="button" onClick={() => void choose()}>
        {t('purchases.import')}
      </button>
      <dialog
        ref={dialog}
        className="dialog purchase-import"
        aria-labelledby="purchase-import-title"
        data-testid="purchase-import"
        onCancel={(event) => {
          event.preventDefault()
          cancel()
        }}
      >
        <h2 id="purchase-import-title">{t('purchases.importTitle')}</h2>
        {status.step === 'reading' && (
          <div className="purchase-import-progress">
            <p>{t('purchases.reading', { name: status.name, percent: status.percent })}</p>
            <progress max={100} value={status.percent} />
          </div>
        )}
        {(status.step === 'preview' || status.step === 'writing') && (
          <Preview ready={status.ready} busy={status.step === 'writing'} onReplan={replan} />
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={cancel} disabled={status.step === 'writing'}>
            {t('purchases.cancel')}
          </button>
          {(status.step === 'preview' || status.step === 'writing') && (
            <button
              type="button"
              className="button-primary"
              disabled={status.step === 'writing' || status.ready.plan.purchases.length === 0}
              onClick={() => void confirm()}
            >
              {status.ready.plan.purchases.length === 0
                ? t('purchases.nothingToAdd')
                : t('purchases.confirm', { count: status.ready.plan.purchases.length })}
            </button>
          )}
        </div>
      </dialog>
    </>
  )
}

/** Problems listed in full; past this, the list says how many more (a file can have millions). */
const SHOWN_PROBLEMS = 200
/** Cells and values are cut to this in the preview: a 10 MB cell is not laid out whole. */
const SHOWN_TEXT = 200

const clip = (text: string) => (text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text)

function Preview({
  ready,
  busy,
  onReplan,
}: {
  ready: Ready
  busy: boolean
  onReplan: (options: ImportOptions) => void
}) {
  const { t, i18n } = useTranslation()
  const { plan, options, headers, preview } = ready
  const problemRows = new Set(plan.problems.map((problem) => problem.row))
  const planned = new Map(plan.purchases.map((purchase) => [purchase.row, purchase]))
  const folded = new Map(plan.folded.map((item) => [item.row, item.into]))
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const setColumn = (field: ImportField, value: string) => {
    const mapping = { ...options.mapping }
    if (value === '') delete mapping[field]
    else mapping[field] = [Number(value)]
    onReplan({ ...options, mapping })
  }
  const problemsCount = new Set(plan.problems.map((problem) => problem.row)).size
  return (
    <div className="purchase-import-body" aria-busy={busy}>
      <p>
        {t('purchases.preset')}: <strong>{t(`purchases.presets.${ready.preset}`)}</strong>
      </p>
      <p data-testid="import-summary">
        {t('purchases.summary', {
          rows: plan.rows,
          ready: plan.purchases.length,
          already: plan.alreadyImported,
          problems: problemsCount,
        })}
      </p>
      <details className="purchase-import-mapping">
        <summary>{t('purchases.mapping')}</summary>
        <div className="purchase-import-fields">
          {IMPORT_FIELDS.map((field) => (
            <label key={field}>
              <span>{t(`purchases.fields.${field}`)}</span>
              <select
                value={
                  options.mapping[field]?.length === 1
                    ? String(options.mapping[field][0])
                    : options.mapping[field]
                      ? 'multi'
                      : ''
                }
                onChange={(event) => setColumn(field, event.target.value)}
              >
                <option value="">{t('purchases.noColumn')}</option>
                {options.mapping[field] && options.mapping[field].length > 1 && (
                  <option value="multi" disabled>
                    {options.mapping[field].map((index) => headers[index]).join(' + ')}
                  </option>
                )}
                {headers.map((header, index) => (
                  <option key={index} value={String(index)}>
                    {clip(header) || `#${index + 1}`}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            <span>{t('purchases.dateOrder')}</span>
            <select
              value={options.dateOrder}
              onChange={(event) =>
                onReplan({
                  ...options,
                  dateOrder: event.target.value as ImportOptions['dateOrder'],
                })
              }
            >
              {(['auto', 'dmy', 'mdy'] as const).map((order) => (
                <option key={order} value={order}>
                  {t(`purchases.dateOrders.${order}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('purchases.defaultCurrency')}</span>
            <input
              value={options.defaultCurrency}
              maxLength={3}
              onChange={(event) => {
                const code = event.target.value.toUpperCase()
                if (/^[A-Z]{3}$/.test(code)) onReplan({ ...options, defaultCurrency: code })
              }}
            />
          </label>
        </div>
        <label className="purchase-import-check">
          <input
            type="checkbox"
            checked={options.createUnknownCustomers}
            onChange={(event) =>
              onReplan({ ...options, createUnknownCustomers: event.target.checked })
            }
          />
          {t('purchases.createUnknown')}
        </label>
      </details>
      <h3>{t('purchases.preview')}</h3>
      <div
        className="purchase-import-table"
        tabIndex={0}
        role="region"
        aria-label={t('purchases.preview')}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">{t('purchases.row')}</th>
              <th scope="col">{t('purchases.status')}</th>
              {headers.map((header, index) => (
                <th key={index} scope="col">
                  {clip(header)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((row, index) => {
              const line = index + 2
              const purchase = planned.get(line)
              const into = folded.get(line)
              const state = problemRows.has(line)
                ? 'problem'
                : purchase
                  ? 'new'
                  : into !== undefined
                    ? 'folded'
                    : 'already'
              return (
                <tr key={line} className={`import-row-${state}`}>
                  <td>{line}</td>
                  <td>
                    {state === 'folded'
                      ? t('purchases.statuses.folded', { row: into ?? 0 })
                      : t(`purchases.statuses.${state}`)}
                    {purchase &&
                      ` · ${clip(purchase.customerLabel)} (${t(`purchases.matchedBy.${purchase.match}`)}) · ${dateFormat.format(purchase.at)}`}
                  </td>
                  {row.map((cell, column) => (
                    <td key={column}>{clip(cell)}</td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('purchases.problems')}</h3>
      {plan.problems.length === 0 ? (
        <p className="muted">{t('purchases.noProblems')}</p>
      ) : (
        <ul className="purchase-import-problems" data-testid="import-problems">
          {plan.problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
            <li key={index}>
              {t(`purchases.problemCodes.${problem.code}`, {
                row: problem.row,
                value:
                  problem.code === 'missing-column'
                    ? t(`purchases.fields.${problem.value as ImportField}`)
                    : clip(problem.value),
              })}
            </li>
          ))}
          {plan.problems.length > SHOWN_PROBLEMS && (
            <li>{t('purchases.moreProblems', { count: plan.problems.length - SHOWN_PROBLEMS })}</li>
          )}
        </ul>
      )}
      {plan.review.length > 0 && (
        <>
          <h3>{t('purchases.review')}</h3>
          <ul data-testid="import-review">
            {plan.review.map((item) => (
              <li key={item.row}>
                {t('purchases.row')} {item.row}: {clip(item.value)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
