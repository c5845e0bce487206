/**
 * The customer's rights on their page: the consent log (append-only: record a consent or its
 * withdrawal for a purpose, how and when; the current state per purpose; the log newest first),
 * exporting everything held about them, and erasing them completely.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../../src/model/records'
import { currentConsents, sortConsents } from '../../../src/notebook/consents'
import { addConsent, eraseCustomer, exportCustomer } from '../../actions/rights'
import type { ActionContext } from '../../actions/types'
import { useConsents } from '../../hooks/useRights'
import './CustomerRights.css'

function today(): string {
  const now = new Date()
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

/** A `YYYY-MM-DD` from a date input, as local noon (so no time zone moves it to another day). */
function dayToEpoch(day: string): number {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12).getTime()
}

export function CustomerRights({ context, entity }: { context: ActionContext; entity: Entity }) {
  const { t, i18n } = useTranslation()
  const consents = useConsents(entity.id)
  const [purpose, setPurpose] = useState('')
  const [how, setHow] = useState('')
  const [day, setDay] = useState(today)
  const [given, setGiven] = useState(true)
  const ids = useId()
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  const log = sortConsents(consents ?? [])
  const current = currentConsents(consents ?? [])
  const purposes = [...new Set(log.map((consent) => consent.purpose))]

  const submit = async () => {
    if (purpose.trim() === '' || day === '') return
    await addConsent(context, {
      entityId: entity.id,
      purpose,
      given,
      how,
      at: dayToEpoch(day),
    })
    setHow('')
  }

  return (
    <>
      <section
        className="card rights-card"
        aria-labelledby={`${ids}-consent`}
        data-testid="consents"
      >
        <h2 id={`${ids}-consent`} className="card-title">
          {t('rights.consentTitle')}
        </h2>
        {current.length === 0 ? (
          <p className="muted">{t('rights.consentEmpty')}</p>
        ) : (
          <ul className="consent-current">
            {current.map((consent) => (
              <li key={consent.id}>
                <span className={`consent-state consent-${consent.given ? 'given' : 'withdrawn'}`}>
                  {consent.given ? t('rights.given') : t('rights.withdrawn')}
                </span>
                <span>{consent.purpose}</span>
              </li>
            ))}
          </ul>
        )}
        <form
          className="consent-form"
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <label className="field">
            <span>{t('rights.purpose')}</span>
            <input
              value={purpose}
              required
              maxLength={500}
              list={`${ids}-purposes`}
              onChange={(event) => setPurpose(event.target.value)}
            />
            <datalist id={`${ids}-purposes`}>
              {purposes.map((value) => (
                <option key={value} value={value} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span>{t('rights.how')}</span>
            <input value={how} maxLength={500} onChange={(event) => setHow(event.target.value)} />
          </label>
          <label className="field">
            <span>{t('rights.date')}</span>
            <input
              type="date"
              value={day}
              required
              onChange={(event) => setDay(event.target.value)}
            />
          </label>
          <fieldset className="field">
            <legend>{t('rights.status')}</legend>
            <div className="segmented">
              <label>
                <input
                  type="radio"
                  name={`${ids}-given`}
                  checked={given}
                  onChange={() => setGiven(true)}
                />
                <span>{t('rights.given')}</span>
              </label>
              <label>
                <input
                  type="radio"
                  name={`${ids}-given`}
                  checked={!given}
                  onChange={() => setGiven(false)}
                />
                <span>{t('rights.withdrawn')}</span>
              </label>
            </div>
          </fieldset>
          <div className="consent-submit">
            <button type="submit" className="button-primary">
              {given ? t('rights.recordGiven') : t('rights.recordWithdrawn')}
            </button>
          </div>
        </form>
        {log.length > 0 && (
          <>
            <h3 className="knowledge-kind-title">{t('rights.consentLog')}</h3>
            <ol className="consent-log" data-testid="consent-log">
              {log.map((consent) => (
                <li key={consent.id}>
                  {t('rights.consentEntry', {
                    status: consent.given ? t('rights.given') : t('rights.withdrawn'),
                    purpose: consent.purpose,
                    date: dateFormat.format(consent.at),
                  })}
                  {consent.how && <span className="muted"> · {consent.how}</span>}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section className="card rights-card" aria-labelledby={`${ids}-data`}>
        <h2 id={`${ids}-data`} className="card-title">
          {t('rights.exportTitle')}
        </h2>
        <p className="muted">{t('rights.exportIntro')}</p>
        <div className="rights-buttons">
          <button type="button" onClick={() => void exportCustomer(context, entity.id, 'html')}>
            {t('rights.exportReadable')}
          </button>
          <button type="button" onClick={() => void exportCustomer(context, entity.id, 'json')}>
            {t('rights.exportData')}
          </button>
          <button
            type="button"
            className="button-quiet-danger"
            onClick={() => void eraseCustomer(context, entity.id)}
          >
            {t('rights.erase')}
          </button>
        </div>
      </section>
    </>
  )
}
