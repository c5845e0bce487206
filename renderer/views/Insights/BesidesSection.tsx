/**
 * What customers use besides you: competitors, substitutes, complements and places, counted
 * across customers, with a twelve-month trend. A count opens the customers and notes behind it.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BESIDE_GROUPS } from '../../../src/insights/besides'
import type { BesideItem, Besides } from '../../../src/insights/besides'
import type { ActionContext } from '../../actions/types'
import { EntityLink, EntityLinks, NotesBehind, Sparkline } from './InsightParts'
import type { EntityRef } from './InsightParts'

export function BesidesSection({
  besides,
  lookup,
  context,
}: {
  besides: Besides
  lookup: ReadonlyMap<string, EntityRef>
  context: ActionContext
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<string | null>(null)
  const groups = BESIDE_GROUPS.filter((group) => besides.groups[group].length > 0)
  return (
    <section className="card insight-card" aria-labelledby="besides-title">
      <h2 id="besides-title" className="card-title">
        {t('insights.besides.title')}
      </h2>
      <p className="card-intro">{t('insights.besides.explain')}</p>
      {groups.length === 0 && <p className="muted">{t('insights.besides.empty')}</p>}
      {groups.map((group) => (
        <section key={group} aria-label={t(`insights.besides.groups.${group}`)}>
          <h3 className="insight-subtitle">{t(`insights.besides.groups.${group}`)}</h3>
          <div className="insight-table-wrap">
            <table className="insight-table" data-testid={`besides-${group}`}>
              <thead>
                <tr>
                  <th scope="col">{t('insights.name')}</th>
                  <th scope="col" className="numeric">
                    {t('insights.besides.customers')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('insights.besides.stopped')}
                  </th>
                  <th scope="col">{t('insights.besides.trend')}</th>
                </tr>
              </thead>
              <tbody>
                {besides.groups[group].map((item) => (
                  <BesideRow
                    key={item.id}
                    item={item}
                    lookup={lookup}
                    context={context}
                    isOpen={open === item.id}
                    onToggle={() => setOpen(open === item.id ? null : item.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  )
}

function BesideRow({
  item,
  lookup,
  context,
  isOpen,
  onToggle,
}: {
  item: BesideItem
  lookup: ReadonlyMap<string, EntityRef>
  context: ActionContext
  isOpen: boolean
  onToggle: () => void
}) {
  const { t } = useTranslation()
  const name = lookup.get(item.id)?.name ?? ''
  return (
    <>
      <tr data-testid="beside-item">
        <td>
          <EntityLink id={item.id} lookup={lookup} />
          {item.isRising && <span className="trend-up"> {t('insights.rising')}</span>}
        </td>
        <td className="numeric">
          <button
            type="button"
            className="insight-pick"
            aria-expanded={isOpen}
            aria-label={t('insights.besides.showCustomers', {
              count: item.customerIds.length,
              name,
            })}
            onClick={onToggle}
          >
            {item.customerIds.length}
          </button>
        </td>
        <td className="numeric">{item.stoppedCustomerIds.length}</td>
        <td>
          <Sparkline
            values={item.monthly}
            label={t('insights.besides.trendLabel', { values: item.monthly.join(', ') })}
          />
        </td>
      </tr>
      {isOpen && (
        <tr>
          <td colSpan={4}>
            <p>
              <span className="muted">{t('insights.besides.usedBy')} </span>
              <EntityLinks ids={item.customerIds} lookup={lookup} limit={30} />
            </p>
            {item.stoppedCustomerIds.length > 0 && (
              <p>
                <span className="muted">{t('insights.besides.stoppedBy')} </span>
                <EntityLinks ids={item.stoppedCustomerIds} lookup={lookup} limit={30} />
              </p>
            )}
            <NotesBehind
              ids={item.noteIds.slice(0, 10)}
              context={context}
              title={t('insights.besides.notesAbout', { name })}
            />
          </td>
        </tr>
      )}
    </>
  )
}
