import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { STAGES } from '../../../src/model/vocabulary'
import { effectiveStage, formatMoney } from '../../../src/notebook/customer-summary'
import { exportContacts, importContacts } from '../../actions/contacts'
import { newCustomerAction } from '../../actions/register'
import type { ActionContext } from '../../actions/types'
import { EmptyState } from '../../components/EmptyState'
import { useCustomerSummaries } from '../../hooks/useCustomerSummaries'
import { filterRows, firstDirection, sortRows, sortsBySummary } from './customer-list-model'
import type { ListFilter, Sort, SortKey } from './customer-list-model'
import './Customers.css'

const ROW_HEIGHT = 48
/** The column headers' height (`Customers.css`), until they are drawn and measured. */
const HEADER_HEIGHT = 41

/**
 * Every customer, searchable as you type, sortable by column, filterable by tag and stage.
 * The rows are virtualised (only those in view are in the page) so 20,000 customers scroll
 * smoothly; the table keeps grid semantics and a roving focus: Tab enters the list on one row,
 * arrow keys, Page Up/Down, Home and End move, Enter opens.
 */
export function CustomerList({ context }: { context: ActionContext }) {
  const { t, i18n } = useTranslation()
  const list = useCustomerSummaries()
  const rows = list?.rows
  const summaries = list?.summaries
  const [filter, setFilter] = useState<ListFilter>({ query: '', tag: '', stage: '' })
  const [sort, setSort] = useState<Sort>({ key: 'name', direction: 'ascending' })
  const deferredFilter = useDeferredValue(filter)
  const [active, setActive] = useState(0)
  const focusPending = useRef(false)
  const scroller = useRef<HTMLDivElement>(null)
  const header = useRef<HTMLTableSectionElement>(null)

  const language = i18n.language
  const tags = useMemo(
    () => [...new Set((rows ?? []).flatMap((row) => row.customer.tags))].sort(),
    [rows],
  )
  // The value columns come again after every saved note. An order by name or stage does not read
  // them: the 20,000 rows are not filtered and sorted again, only the rows in view drawn again.
  const sortedSummaries = sortsBySummary(sort.key) ? summaries : undefined
  const shown = useMemo(
    () => sortRows(filterRows(rows ?? [], deferredFilter), sort, sortedSummaries),
    [rows, deferredFilter, sort, sortedSummaries],
  )
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
    [language],
  )

  // The virtualiser's functions are read fresh on every render; React Compiler skips this
  // component for it, which is what a virtual list needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The rows sit below the column headers, which the virtualiser does not count: a row brought
    // into view at the bottom is scrolled on by their height, or it would stay under the edge.
    scrollPaddingEnd: header.current?.offsetHeight ?? HEADER_HEIGHT,
  })
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0))

  useEffect(() => {
    if (!focusPending.current) return
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`)
    if (row) {
      focusPending.current = false
      row.focus({ preventScroll: true })
    }
  })

  if (!rows) return null

  const open = (id: string) => context.navigate('customers', id)
  /**
   * Focus moves at once: to the row if it is drawn, else to the grid until the row is drawn. A
   * focused row scrolled out of the list would be taken out of the page with the focus, and keys
   * pressed before the new row is drawn would be lost.
   */
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(shown.length - 1, index))
    setActive(next)
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${next}"]`)
    if (row) row.focus({ preventScroll: true })
    else {
      focusPending.current = true
      scroller.current?.querySelector<HTMLElement>('table')?.focus({ preventScroll: true })
    }
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // The grid's keys, on a row or on the grid itself; not on the column headers' buttons.
    const from = event.target as HTMLElement
    if (from !== event.currentTarget && !from.matches('tr.customers-row')) return
    const pageSize = Math.max(1, Math.floor(scroller.current!.clientHeight / ROW_HEIGHT) - 1)
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageSize,
      PageUp: activeIndex - pageSize,
      Home: 0,
      End: shown.length - 1,
    }
    const target = moves[event.key]
    if (target !== undefined) {
      event.preventDefault()
      moveTo(target)
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = shown[activeIndex]
      if (row) {
        event.preventDefault()
        open(row.customer.id)
      }
    }
  }
  /** A new order or filter starts again from the top of the list. */
  const toTop = () => {
    setActive(0)
    virtualizer.scrollToOffset(0)
  }
  const changeFilter = (next: ListFilter) => {
    setFilter(next)
    toTop()
  }
  const chooseSort = (key: SortKey) => {
    toTop()
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: firstDirection(key) },
    )
  }
  const ariaSort = (key: SortKey) => (sort.key === key ? sort.direction : 'none')
  const columns: [SortKey, string][] = [
    ['name', t('customers.columnName')],
    ['stage', t('customers.columnStage')],
    ['lastContact', t('customers.columnLastContact')],
    ['value', t('customers.columnValue')],
  ]
  const isFiltered = filter.query !== '' || filter.tag !== '' || filter.stage !== ''
  const items = virtualizer.getVirtualItems()
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)

  return (
    <div className="view customers-view">
      <header className="view-header">
        <h1>{t('customers.title')}</h1>
        <p className="view-subtitle">
          {isFiltered
            ? t('customers.shown', { shown: shown.length, count: rows.length })
            : t('customers.count', { count: rows.length })}
        </p>
        <div className="view-actions">
          <button type="button" onClick={() => void importContacts(context)}>
            {t('contacts.import')}
          </button>
          <button type="button" onClick={() => void exportContacts(context)}>
            {t('contacts.export')}
          </button>
          <button
            type="button"
            className="button-primary"
            onClick={() => void newCustomerAction.perform(context)}
          >
            {t('action.newCustomer')}
          </button>
        </div>
      </header>
      {rows.length === 0 ? (
        <EmptyState title={t('customers.emptyTitle')}>
          <p>{t('customers.emptyBody')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="customers-toolbar" role="search">
            <input
              className="customers-filter"
              type="search"
              value={filter.query}
              aria-label={t('customers.filterLabel')}
              placeholder={t('customers.searchPlaceholder')}
              onChange={(event) => changeFilter({ ...filter, query: event.target.value })}
            />
            <div className="customers-select">
              <label htmlFor="customers-tag-filter">{t('customers.tagFilterLabel')}</label>
              <select
                id="customers-tag-filter"
                value={filter.tag}
                onChange={(event) => changeFilter({ ...filter, tag: event.target.value })}
              >
                <option value="">{t('customers.allTags')}</option>
                {tags.map((tag) => (
                  <option key={tag} value={tag}>
                    #{tag}
                  </option>
                ))}
              </select>
            </div>
            <div className="customers-select">
              <label htmlFor="customers-stage-filter">{t('customers.stageFilterLabel')}</label>
              <select
                id="customers-stage-filter"
                value={filter.stage}
                onChange={(event) =>
                  changeFilter({ ...filter, stage: event.target.value as ListFilter['stage'] })
                }
              >
                <option value="">{t('customers.allStages')}</option>
                {[...STAGES, 'none' as const].map((stage) => (
                  <option key={stage} value={stage}>
                    {t(`stage.${stage}`)}
                  </option>
                ))}
              </select>
            </div>
            {isFiltered && (
              <button
                type="button"
                className="button-quiet"
                onClick={() => changeFilter({ query: '', tag: '', stage: '' })}
              >
                {t('customers.clearFilters')}
              </button>
            )}
          </div>
          {shown.length === 0 ? (
            <p className="customers-nomatch">
              {t('customers.noMatch', { query: deferredFilter.query })}
            </p>
          ) : (
            <div className="customers-scroller" ref={scroller}>
              <table
                className="customers-table"
                role="grid"
                aria-label={t('customers.title')}
                aria-rowcount={shown.length + 1}
                aria-describedby="customers-keyboard-hint"
                tabIndex={-1}
                onKeyDown={onKeyDown}
              >
                <colgroup>
                  <col className="customers-col-name" />
                  <col className="customers-col-stage" />
                  <col className="customers-col-date" />
                  <col className="customers-col-value" />
                  <col className="customers-col-tags" />
                </colgroup>
                <thead ref={header}>
                  <tr aria-rowindex={1}>
                    {columns.map(([key, label]) => (
                      <th
                        key={key}
                        scope="col"
                        aria-sort={ariaSort(key)}
                        className={key === 'value' ? 'customers-number' : undefined}
                      >
                        <button
                          type="button"
                          className="customers-sort"
                          onClick={() => chooseSort(key)}
                        >
                          {label}
                          <span aria-hidden="true" className="customers-sort-mark">
                            {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                          </span>
                        </button>
                      </th>
                    ))}
                    <th scope="col">{t('customers.columnTags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {paddingTop > 0 && (
                    <tr aria-hidden="true" className="customers-spacer">
                      <td colSpan={5} style={{ height: paddingTop }} />
                    </tr>
                  )}
                  {items.map((item) => {
                    const row = shown[item.index]
                    if (!row) return null
                    const { customer } = row
                    const summary = summaries?.get(customer.id)
                    const stage = effectiveStage(customer)
                    return (
                      <tr
                        key={customer.id}
                        data-testid="customer-row"
                        data-index={item.index}
                        aria-rowindex={item.index + 2}
                        tabIndex={item.index === activeIndex ? 0 : -1}
                        className="customers-row"
                        onClick={() => open(customer.id)}
                        onFocus={() => setActive(item.index)}
                      >
                        <th scope="row">
                          <a
                            href={`#/customers/${encodeURIComponent(customer.id)}`}
                            tabIndex={-1}
                            className="customers-name"
                          >
                            {customer.name}
                          </a>
                        </th>
                        <td>
                          <span className={`stage-pill stage-${stage ?? 'none'}`}>
                            {t(`stage.${stage ?? 'none'}`)}
                          </span>
                        </td>
                        <td className="customers-date">
                          {!summary ? (
                            <Pending />
                          ) : summary.lastContactAt === undefined ? (
                            t('customers.noContact')
                          ) : (
                            dateFormat.format(summary.lastContactAt)
                          )}
                        </td>
                        <td className="customers-number">
                          {!summary ? (
                            <Pending />
                          ) : summary.currency ? (
                            formatMoney(summary.total, summary.currency, language)
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          <div className="customers-tags">
                            {customer.tags.map((tag) => (
                              <span key={tag} className="tag">
                                #{tag}
                              </span>
                            ))}
                          </div>
                        </td>
                      </tr>
                    )
                  })}
                  {paddingBottom > 0 && (
                    <tr aria-hidden="true" className="customers-spacer">
                      <td colSpan={5} style={{ height: paddingBottom }} />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
          <p id="customers-keyboard-hint" className="customers-hint">
            {t('customers.keyboardHint')}
          </p>
        </>
      )}
    </div>
  )
}

/** A derived cell whose value is still being computed. */
function Pending() {
  const { t } = useTranslation()
  return (
    <span className="customers-pending" aria-label={t('customers.computing')}>
      …
    </span>
  )
}
