/**
 * Shows the dialogs of "own your data" requested through `dataDialogs` (app/data-dialogs.ts):
 * the export passphrase, unlocking an encrypted file, new notebook or merge, the merge preview.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultDecision } from '../../src/io/contacts-import'
import type { ContactDecision, MatchReason } from '../../src/io/contacts-import'
import type { RecordOf, TableName } from '../../src/model/records'
import { dataDialogs } from '../app/data-dialogs'
import type { DataDialogRequest } from '../app/data-dialogs'
import { focusInitial } from '../platform/focus'
import './DialogHost.css'
import './DataDialogs.css'

const LIST_LIMIT = 8

export function DataDialogs() {
  const pending = useSyncExternalStore(dataDialogs.subscribe, dataDialogs.get)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const request = pending?.request

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (request && !dialog.open) {
      dialog.showModal()
      focusInitial(dialog)
    } else if (!request && dialog.open) dialog.close()
  }, [request])

  const cancel = () =>
    dataDialogs.answer(
      request?.kind === 'merge-preview' || request?.kind === 'restore-preview' ? false : null,
    )
  return (
    <dialog
      ref={dialogRef}
      className="dialog data-dialog"
      aria-labelledby="data-dialog-title"
      onCancel={(event) => {
        event.preventDefault()
        cancel()
      }}
    >
      {pending && <DialogBody key={pending.id} request={pending.request} onCancel={cancel} />}
    </dialog>
  )
}

function DialogBody({ request, onCancel }: { request: DataDialogRequest; onCancel: () => void }) {
  switch (request.kind) {
    case 'export-passphrase':
      return <ExportPassphrase name={request.notebookName} onCancel={onCancel} />
    case 'unlock':
      return <Unlock error={request.error} onCancel={onCancel} />
    case 'import-choice':
      return <ImportChoice request={request} onCancel={onCancel} />
    case 'merge-preview':
      return <MergePreview request={request} onCancel={onCancel} />
    case 'contacts-review':
      return <ContactsReview request={request} onCancel={onCancel} />
    case 'restore-preview':
      return <RestorePreview request={request} onCancel={onCancel} />
  }
}

function Frame(props: {
  title: string
  children: ReactNode
  onSubmit?: () => void
  onCancel: () => void
  confirmLabel?: string
  extraButtons?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault()
        props.onSubmit?.()
      }}
    >
      <h2 id="data-dialog-title">{props.title}</h2>
      {props.children}
      <div className="dialog-buttons">
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        {props.extraButtons}
        {props.confirmLabel && (
          <button type="submit" className="button-primary">
            {props.confirmLabel}
          </button>
        )}
      </div>
    </form>
  )
}

function ExportPassphrase({ name, onCancel }: { name: string; onCancel: () => void }) {
  const { t } = useTranslation()
  const [first, setFirst] = useState('')
  const [second, setSecond] = useState('')
  const [error, setError] = useState('')
  const submit = () => {
    if (first !== '' && first.length < 8) return setError(t('dataFile.passphraseShort'))
    if (first !== second) return setError(t('dataFile.passphraseMismatch'))
    dataDialogs.answer(first)
  }
  return (
    <Frame
      title={t('dataFile.exportTitle', { name })}
      onSubmit={submit}
      onCancel={onCancel}
      confirmLabel={t('dataFile.exportConfirm')}
    >
      <p className="dialog-body">{t('dataFile.exportBody')}</p>
      <div className="data-dialog-fields">
        <label className="dialog-field">
          <span>{t('dataFile.passphrase')}</span>
          <input
            type="password"
            autoComplete="new-password"
            data-autofocus
            value={first}
            aria-invalid={error !== ''}
            aria-describedby={error ? 'data-dialog-error' : undefined}
            onChange={(event) => setFirst(event.target.value)}
          />
        </label>
        <label className="dialog-field">
          <span>{t('dataFile.passphraseAgain')}</span>
          <input
            type="password"
            autoComplete="new-password"
            value={second}
            aria-invalid={error !== ''}
            onChange={(event) => setSecond(event.target.value)}
          />
        </label>
        {error && (
          <span id="data-dialog-error" className="dialog-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </Frame>
  )
}

function Unlock({ error, onCancel }: { error?: string; onCancel: () => void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  return (
    <Frame
      title={t('dataFile.unlockTitle')}
      onSubmit={() => value !== '' && dataDialogs.answer(value)}
      onCancel={onCancel}
      confirmLabel={t('dataFile.unlockConfirm')}
    >
      <label className="dialog-field">
        <span>{t('dataFile.unlockLabel')}</span>
        <input
          type="password"
          autoComplete="current-password"
          data-autofocus
          value={value}
          aria-invalid={error !== undefined}
          aria-describedby={error ? 'data-dialog-error' : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {error && (
          <span id="data-dialog-error" className="dialog-error" role="alert">
            {error}
          </span>
        )}
      </label>
    </Frame>
  )
}

function ImportChoice({
  request,
  onCancel,
}: {
  request: Extract<DataDialogRequest, { kind: 'import-choice' }>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <Frame
      title={t('dataFile.importTitle', { name: request.fileName })}
      onCancel={onCancel}
      extraButtons={
        <>
          {request.currentName !== undefined && (
            <button type="button" onClick={() => dataDialogs.answer('merge')}>
              {t('dataFile.merge', { name: request.currentName })}
            </button>
          )}
          <button
            type="button"
            className="button-primary"
            data-autofocus
            onClick={() => dataDialogs.answer('new')}
          >
            {t('dataFile.asNew')}
          </button>
        </>
      }
    >
      <p className="dialog-body">{t('dataFile.importSummary', { count: request.records })}</p>
      {request.refused > 0 && (
        <p className="dialog-body data-dialog-warning" role="status">
          {t('dataFile.repaired', { count: request.refused })}
        </p>
      )}
    </Frame>
  )
}

function MergePreview({
  request,
  onCancel,
}: {
  request: Extract<DataDialogRequest, { kind: 'merge-preview' }>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const { plan, names } = request
  const counts: [
    (
      | 'dataFile.added'
      | 'dataFile.updated'
      | 'dataFile.conflicts'
      | 'dataFile.keptOurs'
      | 'dataFile.unchanged'
    ),
    number,
  ][] = [
    ['dataFile.added', plan.adds.length],
    ['dataFile.updated', plan.updates.length],
    ['dataFile.conflicts', plan.conflicts.length],
    ['dataFile.keptOurs', plan.keptOurs],
    ['dataFile.unchanged', plan.unchanged],
  ]
  const describe = (table: TableName, record: RecordOf[TableName]) =>
    recordLabel(table, record, names)
  return (
    <Frame
      title={t('dataFile.previewTitle', { name: request.currentName })}
      onSubmit={() => dataDialogs.answer(true)}
      onCancel={onCancel}
      confirmLabel={t('dataFile.mergeConfirm')}
    >
      <p className="dialog-body">{t('dataFile.previewIntro')}</p>
      <ul className="data-dialog-counts" data-testid="merge-counts">
        {counts
          .filter(([, count]) => count > 0)
          .map(([key, count]) => (
            <li key={key}>{t(key, { count })}</li>
          ))}
      </ul>
      <PreviewList
        title={t('dataFile.listNew')}
        items={plan.adds.map(({ table, record }) => describe(table, record))}
      />
      <PreviewList
        title={t('dataFile.listChanged')}
        items={plan.updates.map(({ table, after }) => describe(table, after))}
      />
      <PreviewList
        title={t('dataFile.listConflicts')}
        items={plan.conflicts.map(({ current }) => describe('notes', current))}
      />
    </Frame>
  )
}

const REASON_KEYS = {
  email: 'contacts.reasonEmail',
  phone: 'contacts.reasonPhone',
  name: 'contacts.reasonName',
} as const satisfies Record<MatchReason, string>

const DECISIONS = [
  ['merge', 'contacts.choiceMerge'],
  ['skip', 'contacts.choiceSkip'],
  ['new', 'contacts.choiceNew'],
] as const satisfies readonly (readonly [ContactDecision, string])[]

function ContactsReview({
  request,
  onCancel,
}: {
  request: Extract<DataDialogRequest, { kind: 'contacts-review' }>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const { items } = request
  const [decisions, setDecisions] = useState<ContactDecision[]>(() => items.map(defaultDecision))
  const fresh = items.filter((item) => !item.match)
  const duplicates = items.flatMap((item, index) => (item.match ? [{ item, index }] : []))
  const decide = (index: number, decision: ContactDecision) =>
    setDecisions((current) => current.map((value, at) => (at === index ? decision : value)))
  return (
    <Frame
      title={t('contacts.reviewTitle')}
      onSubmit={() => dataDialogs.answer(decisions)}
      onCancel={onCancel}
      confirmLabel={t('contacts.importConfirm')}
    >
      <p className="dialog-body">
        {request.fileName} — {t('contacts.reviewIntro', { count: items.length })}
      </p>
      <PreviewList title={t('dataFile.listNew')} items={fresh.map((item) => item.contact.name)} />
      {duplicates.length > 0 && (
        <section className="data-dialog-list" data-testid="contact-duplicates">
          <h3>{t('contacts.duplicatesIntro', { count: duplicates.length })}</h3>
          <ul className="contact-duplicates">
            {duplicates.map(({ item, index }) => (
              <li key={index} className="contact-duplicate">
                <span className="contact-duplicate-name">
                  <strong>{item.contact.name}</strong>
                  <span className="muted">
                    {t('contacts.matches', {
                      name: item.match?.name ?? '',
                      reason: t(REASON_KEYS[item.match?.reason ?? 'name']),
                    })}
                  </span>
                </span>
                <select
                  aria-label={t('contacts.decisionFor', { name: item.contact.name })}
                  value={decisions[index]}
                  onChange={(event) => decide(index, event.target.value as ContactDecision)}
                >
                  {DECISIONS.map(([value, key]) => (
                    <option key={value} value={value}>
                      {t(key)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Frame>
  )
}

function RestorePreview({
  request,
  onCancel,
}: {
  request: Extract<DataDialogRequest, { kind: 'restore-preview' }>
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation()
  const { plan } = request
  const number = new Intl.NumberFormat(i18n.language)
  const dateFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const kinds = {
    removed: t('backup.restoreRemoved'),
    restored: t('backup.restoreRestored'),
    reverted: t('backup.restoreReverted'),
  }
  const names = new Map<string, string>()
  const isEmpty = plan.changes.length === 0
  return (
    <Frame
      title={t('backup.restoreTitle', { name: request.notebookName, date: request.date })}
      onSubmit={() => dataDialogs.answer(!isEmpty)}
      onCancel={onCancel}
      {...(isEmpty ? {} : { confirmLabel: t('backup.restoreConfirm') })}
    >
      <p className="dialog-body">
        {isEmpty ? t('backup.restoreNothing') : t('backup.restoreIntro')}
      </p>
      <table className="data-dialog-table" data-testid="restore-counts">
        <thead>
          <tr>
            <th scope="col">{t('backup.restoreTable')}</th>
            <th scope="col">{t('backup.restoreNow')}</th>
            <th scope="col">{t('backup.restoreInBackup')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.counts
            .filter((count) => count.current + count.backup > 0)
            .map((count) => (
              <tr key={count.table} className={count.current === count.backup ? '' : 'changed'}>
                <th scope="row">{t(`backup.tables.${count.table}`)}</th>
                <td>{number.format(count.current)}</td>
                <td>{number.format(count.backup)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {plan.newest.length > 0 && (
        <section className="data-dialog-list">
          <h3>{t('backup.restoreNewest')}</h3>
          <ul>
            {plan.newest.map((item) => (
              <li key={`${item.table}/${item.record.id}`}>
                {recordLabel(item.table, item.record as never, names)}{' '}
                <span className="muted">
                  · {kinds[item.kind]} · {dateFormat.format(item.record.updatedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Frame>
  )
}

function PreviewList({ title, items }: { title: string; items: string[] }) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <section className="data-dialog-list">
      <h3>{title}</h3>
      <ul>
        {items.slice(0, LIST_LIMIT).map((item, index) => (
          <li key={index}>{item}</li>
        ))}
        {items.length > LIST_LIMIT && (
          <li className="data-dialog-more">
            {t('dataFile.more', { count: items.length - LIST_LIMIT })}
          </li>
        )}
      </ul>
    </section>
  )
}

function recordLabel(
  table: TableName,
  record: RecordOf[TableName],
  names: Map<string, string>,
): string {
  const value = record as unknown as Record<string, unknown>
  if (typeof value.name === 'string') return value.name
  if (typeof value.label === 'string') return value.label
  if (table === 'notes' && typeof value.text === 'string') {
    return value.text
      .replace(/\[@([^\]]*)\]\([^)]*\)/g, '@$1')
      .replace(/\s+/g, ' ')
      .slice(0, 80)
  }
  if (table === 'ties') {
    return `${names.get(String(value.from)) ?? '?'} → ${names.get(String(value.to)) ?? '?'}`
  }
  if (table === 'transactions' || table === 'consents') {
    const who = names.get(String(value.customerId ?? value.entityId)) ?? '?'
    return `${who} · ${new Date(Number(value.at)).toLocaleDateString()}`
  }
  return String(value.id)
}
