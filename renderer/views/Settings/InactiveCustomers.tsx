/**
 * Customers with no activity for N years: a review list, so data nobody needs any more can be
 * erased (from each customer's page). Keeping data only as long as needed is part of respect.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { hashOf } from '../../app/routes'
import { useInactiveCustomers } from '../../hooks/useRights'
import './InactiveCustomers.css'

const YEAR_CHOICES = [1, 2, 3, 5, 10] as const

export function InactiveCustomers() {
  const { t, i18n } = useTranslation()
  const [years, setYears] = useState(3)
  const inactive = useInactiveCustomers(years)
  const id = useId()
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  return (
    <section className="settings-inactive" aria-labelledby={id} data-testid="inactive-customers">
      <h2 id={id} className="section-title">
        {t('rights.inactiveTitle')}
      </h2>
      <p className="prose">{t('rights.inactiveIntro', { count: years })}</p>
      <label className="field inactive-years">
        <span>{t('rights.inactiveYears')}</span>
        <select value={years} onChange={(event) => setYears(Number(event.target.value))}>
          {YEAR_CHOICES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      {inactive &&
        (inactive.length === 0 ? (
          <p className="muted">{t('rights.inactiveNone')}</p>
        ) : (
          <ul className="inactive-list">
            {inactive.map(({ entity, lastActivity }) => (
              <li key={entity.id}>
                <a href={hashOf('customers', entity.id)}>{entity.name}</a>{' '}
                <span className="muted">
                  {t('rights.lastActivity', { date: dateFormat.format(lastActivity) })}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
