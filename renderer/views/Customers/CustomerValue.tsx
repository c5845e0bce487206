/**
 * A customer's RFM scores, group and value tier (relative to the whole notebook), and a small
 * form to add a purchase by hand.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseAmount } from '../../../src/io/purchases-csv'
import { addPurchase } from '../../../src/notebook/purchases'
import { describeError } from '../../actions/errors'
import type { ActionContext } from '../../actions/types'
import { hashOf } from '../../app/routes'
import { useCustomerStanding } from '../../hooks/useValueModel'
import './CustomerValue.css'

export function CustomerValue({
  context,
  customerId,
}: {
  context: ActionContext
  customerId: string
}) {
  const { t } = useTranslation()
  const standing = useCustomerStanding(customerId)
  if (!standing) return null
  const { rfm, tier, currency } = standing
  return (
    <section className="card" aria-labelledby="rfm-title" data-testid="customer-rfm">
      <h2 id="rfm-title" className="card-title">
        {t('rfm.title')}
      </h2>
      {rfm ? (
        <>
          <ul
            className="rfm-scores"
            aria-label={t('rfm.scores', { r: rfm.recency, f: rfm.frequency, m: rfm.monetary })}
          >
            {(
              [
                ['recency', rfm.recency],
                ['frequency', rfm.frequency],
                ['monetary', rfm.monetary],
              ] as const
            ).map(([measure, score]) => (
              <li
                key={measure}
                title={t('rfm.scoreLabel', { measure: t(`rfm.${measure}`), score })}
              >
                <span className="rfm-score-value">{score}</span>
                <span className="rfm-score-name">{t(`rfm.${measure}`)}</span>
              </li>
            ))}
          </ul>
          <dl className="value-grid">
            <div>
              <dt>{t('rfm.group')}</dt>
              <dd>
                <a href={hashOf('segments', `builtin:rfm:${rfm.group}`)} data-testid="rfm-group">
                  {t(`rfm.groups.${rfm.group}`)}
                </a>
              </dd>
            </div>
            <div>
              <dt>{t('rfm.tier')}</dt>
              <dd data-testid="value-tier">
                {tier && tier !== 'rest' ? (
                  <a href={hashOf('segments', `builtin:tier:${tier}`)}>{t(`rfm.tiers.${tier}`)}</a>
                ) : (
                  t(`rfm.tiers.${tier ?? 'rest'}`)
                )}
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="muted">{t('rfm.none')}</p>
      )}
      <AddPurchase context={context} customerId={customerId} currency={currency} />
    </section>
  )
}

function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

function AddPurchase({
  context,
  customerId,
  currency,
}: {
  context: ActionContext
  customerId: string
  currency: string
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState(today)
  const [code, setCode] = useState(currency)
  const [channel, setChannel] = useState('')
  const [error, setError] = useState('')
  if (!open) {
    return (
      <div className="card-actions">
        <button type="button" onClick={() => setOpen(true)}>
          {t('purchases.addTitle')}
        </button>
      </div>
    )
  }
  const submit = async () => {
    const currencyCode = code.trim().toUpperCase()
    const minor = /^[A-Z]{3}$/.test(currencyCode) ? parseAmount(amount, currencyCode) : undefined
    const [year, month, day] = date.split('-').map(Number)
    if (minor === undefined || !year || !month || !day) {
      setError(t('purchases.badAmount'))
      return
    }
    try {
      await context.app.change(t('purchases.addHistoryLabel'), (writer) =>
        addPurchase(writer, {
          customerId,
          // Noon, so the day stays the same in any time zone the notebook is opened in.
          at: new Date(year, month - 1, day, 12).getTime(),
          amount: minor,
          currency: currencyCode,
          channel: channel.trim() || undefined,
        }),
      )
      context.app.toast(t('purchases.added'))
      setAmount('')
      setError('')
      setOpen(false)
    } catch (caught) {
      setError(describeError(caught, t))
    }
  }
  return (
    <form
      className="add-purchase"
      aria-label={t('purchases.addTitle')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <label>
        <span>{t('purchases.amount')}</span>
        <input
          value={amount}
          inputMode="decimal"
          required
          aria-invalid={error !== ''}
          aria-describedby={error ? 'add-purchase-error' : undefined}
          onChange={(event) => setAmount(event.target.value)}
        />
      </label>
      <label>
        <span>{t('purchases.currency')}</span>
        <input
          value={code}
          maxLength={3}
          size={4}
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      <label>
        <span>{t('purchases.date')}</span>
        <input
          type="date"
          value={date}
          required
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
      <label>
        <span>{t('purchases.channel')}</span>
        <input
          value={channel}
          maxLength={200}
          onChange={(event) => setChannel(event.target.value)}
        />
      </label>
      {error && (
        <p id="add-purchase-error" className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="card-actions">
        <button type="submit" className="button-primary">
          {t('purchases.add')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
