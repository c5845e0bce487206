import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteCustomer, newCustomerAction } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { EmptyState } from '../../components/EmptyState'
import { useCustomers } from '../../hooks/useNotebookData'
import './Customers.css'

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
}

export function Customers({ context }: { context: ActionContext }) {
  const { t, i18n } = useTranslation()
  const customers = useCustomers()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  if (!customers) return null
  const needle = fold(deferredQuery.trim())
  const collator = new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true })
  const shown = (
    needle
      ? customers.filter(
          (customer) =>
            fold(customer.name).includes(needle) ||
            customer.tags.some((tag) => fold(tag).includes(needle)),
        )
      : [...customers]
  ).sort((a, b) => collator.compare(a.name, b.name))
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  return (
    <div className="view">
      <header className="view-header">
        <h1>{t('customers.title')}</h1>
        <p className="view-subtitle">{t('customers.count', { count: customers.length })}</p>
        <div className="view-actions">
          <button
            type="button"
            className="button-primary"
            onClick={() => void newCustomerAction.perform(context)}
          >
            {t('action.newCustomer')}
          </button>
        </div>
      </header>
      {customers.length === 0 ? (
        <EmptyState title={t('customers.emptyTitle')}>
          <p>{t('customers.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <input
            className="customers-filter"
            type="search"
            value={query}
            aria-label={t('customers.filterLabel')}
            placeholder={t('customers.filterPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
          {shown.length === 0 ? (
            <p className="customers-nomatch">{t('customers.noMatch', { query: deferredQuery })}</p>
          ) : (
            <table className="customers-table">
              <thead>
                <tr>
                  <th scope="col">{t('customers.columnName')}</th>
                  <th scope="col">{t('customers.columnStage')}</th>
                  <th scope="col">{t('customers.columnTags')}</th>
                  <th scope="col">{t('customers.columnUpdated')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.delete')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((customer) => (
                  <tr key={customer.id} data-testid="customer-row">
                    <th scope="row">{customer.name}</th>
                    <td>{t(`stage.${customer.stage ?? 'none'}`)}</td>
                    <td>
                      <div className="customers-tags">
                        {customer.tags.map((tag) => (
                          <span key={tag} className="tag">
                            #{tag}
                          </span>
                        ))}
                      </div>
                    </td>
                    <td className="customers-date">{dateFormat.format(customer.updatedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="button-quiet"
                        aria-label={`${t('action.deleteCustomer')} ${customer.name}`}
                        onClick={() => void deleteCustomer(context, customer.id, customer.name)}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  )
}
