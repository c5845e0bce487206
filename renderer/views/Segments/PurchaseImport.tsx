/**
 * Importing purchases from a CSV file: choose the file, let the worker read and plan it (with
 * progress and Cancel), show the preview — the first rows, every problem, the matches to check —
 * and, only after confirmation, let the worker write it in one transaction of chunked bulk writes
 * (with progress and Cancel): all rows or none, and one undo step. The page never holds the
 * plan or the written records, only a summary and, a chunk at a time, the ids it tells the
 * app's change listeners about.
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_FIELDS } from '../../../src/io/purchases-csv'
import type { ImportField, ImportOptions } from '../../../src/io/purchases-csv'
import { describeError } from '../../actions/errors'
import type { ActionContext } from '../../actions/types'
import type { AppController } from '../../app/controller'
import type {
  ImportReply,
  ImportRequest,
  WriteOperation,
} from '../../workers/purchases-import-protocol'
import { purchaseImportRequests } from '../../app/purchase-import-store'
import { measureSince } from '../../platform/timing'
import './PurchaseImport.css'

type Ready = Extract<ImportReply, { type: 'ready' }>
type Status =
  | { step: 'idle' }
  | { step: 'reading'; name: string; percent: number }
  | { step: 'preview'; name: string; ready: Ready }
  | { step: 'writing'; name: string; ready: Ready; percent: number; isCancelling: boolean }

function startWorker(): Worker {
  return new Worker(new URL('../../workers/purchases-import.worker.ts', import.meta.url), {
    type: 'module',
  })
}

function send(worker: Worker, request: ImportRequest, transfer: Transferable[] = []): void {
  worker.postMessage(request, transfer)
}

/** Tells the app's listeners (value model, search, backups) which records a message names. */
function emitChunk(
  app: AppController,
  notebookId: string,
  reply: Extract<ImportReply, { type: 'changed' | 'purchasesChanged' }>,
) {
  if (reply.type === 'purchasesChanged') {
    app.emitChanges([{ table: 'transactions', delivery: reply.delivery }], notebookId)
    return
  }
  const { table, delivery } = reply
  app.emitChanges(
    reply.ids.map((id) => (delivery === undefined ? { table, id } : { table, id, delivery })),
    notebookId,
  )
}

/**
 * Makes the import one step of the app's history. The worker that wrote it is handed over to
 * the step: it holds the written records, so undo (delete them) and redo (put them back) run
 * there, off the page, and it is ended when the step leaves the history.
 */
function recordImportStep(
  app: AppController,
  worker: Worker,
  notebookId: string,
  label: string,
): void {
  let pending:
    { operation: WriteOperation; resolve: () => void; reject: (error: Error) => void } | undefined
  worker.onmessage = (event: MessageEvent<ImportReply>) => {
    const reply = event.data
    if (reply.type === 'changed' || reply.type === 'purchasesChanged') {
      emitChunk(app, notebookId, reply)
    } else if (reply.type === 'done' && pending?.operation === reply.operation) pending.resolve()
    else if (reply.type === 'error') pending?.reject(new Error(reply.reason))
  }
  worker.onerror = (event) => pending?.reject(new Error(event.message || 'worker failed'))
  const run = (operation: 'undo' | 'redo') =>
    new Promise<void>((resolve, reject) => {
      pending = { operation, resolve, reject }
      send(worker, { type: operation })
    }).finally(() => {
      pending = undefined
    })
  app.recordBulkChange({
    label,
    undo: () => run('undo'),
    redo: () => run('redo'),
    dispose: () => worker.terminate(),
  })
}

export function PurchaseImport({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Status>({ step: 'idle' })
  const worker = useRef<Worker | null>(null)
  /** When the current step began: User Timing measures for the benchmarks. */
  const startedAt = useRef(0)
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
    const notebookId = app.state.notebook?.entry.id
    if (!notebookId) return
    const file = await app.bridge.chooseFile({
      title: t('purchases.importTitle'),
      filters: [{ name: t('purchases.fileType'), extensions: ['csv', 'txt', 'tsv'] }],
    })
    if (!file) return
    try {
      stop()
      const started = startWorker()
      worker.current = started
      startedAt.current = performance.now()
      setStatus({ step: 'reading', name: file.name, percent: 0 })
      const fail = (reason: string) => {
        stop()
        setStatus({ step: 'idle' })
        app.toast(t('purchases.unreadable', { reason }), { tone: 'error' })
      }
      started.onmessage = (event: MessageEvent<ImportReply>) => {
        const reply = event.data
        if (reply.type === 'progress') {
          setStatus((current) =>
            current.step === 'reading' || current.step === 'writing'
              ? { ...current, percent: reply.percent }
              : current,
          )
        } else if (reply.type === 'ready') {
          measureSince('carnet:import:plan', startedAt.current)
          setStatus({ step: 'preview', name: file.name, ready: reply })
        } else if (reply.type === 'changed' || reply.type === 'purchasesChanged') {
          emitChunk(app, notebookId, reply)
        } else if (reply.type === 'done') {
          // From here on the worker belongs to the undo step.
          worker.current = null
          measureSince('carnet:import:write', startedAt.current)
          recordImportStep(app, started, notebookId, t('purchases.historyLabel'))
          setStatus({ step: 'idle' })
          app.toast(t('purchases.imported', { count: reply.added }))
        } else if (reply.type === 'cancelled') {
          stop()
          setStatus({ step: 'idle' })
          app.toast(t('purchases.cancelled'))
        } else if (reply.operation === 'commit') {
          // Nothing was written, and the worker let the file go: choosing it again starts over.
          stop()
          setStatus({ step: 'idle' })
          app.toast(t('purchases.failed', { reason: reply.reason }), { tone: 'error' })
        } else {
          fail(reply.reason)
        }
      }
      started.onerror = (event) => fail(event.message || t('purchases.workerFailed'))
      // The file, or its bytes, are handed over, not copied: the page does not need them again.
      const { bytes } = file
      const transfer =
        bytes instanceof Uint8Array &&
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength &&
        bytes.buffer instanceof ArrayBuffer
          ? [bytes.buffer]
          : []
      send(
        started,
        {
          type: 'start',
          bytes,
          notebookId,
          fallbackCurrency: app.state.language === 'en' ? 'GBP' : 'EUR',
        },
        transfer,
      )
    } catch (error) {
      app.toast(describeError(error, t), { tone: 'error' })
    }
  }

  // The palette's "Import purchases" lands here.
  useEffect(() => purchaseImportRequests.subscribe(() => void choose()))

  const cancel = () => {
    if (status.step === 'writing') {
      // The worker rolls the write back and answers `cancelled`.
      if (worker.current) send(worker.current, { type: 'cancel' })
      setStatus({ ...status, isCancelling: true })
      return
    }
    const wasReading = status.step === 'reading'
    stop()
    setStatus({ step: 'idle' })
    if (wasReading) context.app.toast(t('purchases.cancelled'))
  }

  // Stable, so the memoised preview is not drawn again on every progress message.
  const replan = useCallback((options: ImportOptions) => {
    if (!worker.current) return
    startedAt.current = performance.now()
    setStatus((current) =>
      current.step === 'preview' ? { step: 'reading', name: current.name, percent: 0 } : current,
    )
    send(worker.current, { type: 'replan', options })
  }, [])

  const confirm = () => {
    if (status.step !== 'preview' || !worker.current) return
    const { ready, name } = status
    startedAt.current = performance.now()
    setStatus({ step: 'writing', name, ready, percent: 0, isCancelling: false })
    send(worker.current, { type: 'commit' })
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
        {status.step === 'writing' && (
          <div className="purchase-import-progress" data-testid="import-writing">
            <p>{t('purchases.writing', { percent: status.percent })}</p>
            <progress max={100} value={status.percent} />
          </div>
        )}
        {(status.step === 'preview' || status.step === 'writing') && (
          <Preview ready={status.ready} busy={status.step === 'writing'} onReplan={replan} />
        )}
        <div className="dialog-buttons">
          <button
            type="button"
            onClick={cancel}
            disabled={status.step === 'writing' && status.isCancelling}
          >
            {t('purchases.cancel')}
          </button>
          {(status.step === 'preview' || status.step === 'writing') && (
            <button
              type="button"
              className="button-primary"
              disabled={status.step === 'writing' || status.ready.summary.toAdd === 0}
              onClick={confirm}
            >
              {status.ready.summary.toAdd === 0
                ? t('purchases.nothingToAdd')
                : t('purchases.confirm', { count: status.ready.summary.toAdd })}
            </button>
          )}
        </div>
      </dialog>
    </>
  )
}

/** Cells and values are cut to this in the preview: a 10 MB cell is not laid out whole. */
const SHOWN_TEXT = 200

const clip = (text: string) => (text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT)}…` : text)

/** Memoised: progress messages re-render the dialog, and the preview does not change with them. */
const Preview = memo(function Preview({
  ready,
  busy,
  onReplan,
}: {
  ready: Ready
  busy: boolean
  onReplan: (options: ImportOptions) => void
}) {
  const { t, i18n } = useTranslation()
  // Problems and name matches come listed in part (the worker's limit); a file can have millions.
  const { summary, options, headers, preview } = ready
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
  return (
    <div className="purchase-import-body" aria-busy={busy}>
      <p>
        {t('purchases.preset')}: <strong>{t(`purchases.presets.${ready.preset}`)}</strong>
      </p>
      <p data-testid="import-summary">
        {t('purchases.summary', {
          rows: summary.rows,
          ready: summary.toAdd,
          already: summary.alreadyImported,
          problems: summary.problemRows,
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
              const status = summary.firstRows[index] ?? { state: 'already' }
              return (
                <tr key={line} className={`import-row-${status.state}`}>
                  <td>{line}</td>
                  <td>
                    {status.state === 'folded'
                      ? t('purchases.statuses.folded', { row: status.into })
                      : t(`purchases.statuses.${status.state}`)}
                    {status.state === 'new' &&
                      ` · ${clip(status.customerLabel)} (${t(`purchases.matchedBy.${status.match}`)}) · ${dateFormat.format(status.at)}`}
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
      {summary.problemsTotal === 0 ? (
        <p className="muted">{t('purchases.noProblems')}</p>
      ) : (
        <ul className="purchase-import-problems" data-testid="import-problems">
          {summary.problems.map((problem, index) => (
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
          {summary.problemsTotal > summary.problems.length && (
            <li>
              {t('purchases.moreProblems', {
                count: summary.problemsTotal - summary.problems.length,
              })}
            </li>
          )}
        </ul>
      )}
      {summary.reviewTotal > 0 && (
        <>
          <h3>{t('purchases.review')}</h3>
          <ul data-testid="import-review">
            {summary.review.map((item) => (
              <li key={item.row}>
                {t('purchases.row')} {item.row}: {clip(item.value)}
              </li>
            ))}
            {summary.reviewTotal > summary.review.length && (
              <li>
                {t('purchases.moreReview', {
                  count: summary.reviewTotal - summary.review.length,
                })}
              </li>
            )}
          </ul>
        </>
      )}
    </div>
  )
})
