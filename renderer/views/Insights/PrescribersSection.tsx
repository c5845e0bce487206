/**
 * Prescribers: who brought whom, who recommends you, who influences your customers' choices —
 * each with the customers they influence, grouped by how.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InfluenceWay, Prescriber } from '../../../src/insights/prescribers'
import { EntityLink, EntityLinks, PowerBar } from './InsightParts'
import type { EntityRef } from './InsightParts'

const WAYS: readonly InfluenceWay[] = ['prescribes', 'recommends', 'referred', 'household']
const PAGE = 25

export function PrescribersSection({
  prescribers,
  lookup,
}: {
  prescribers: readonly Prescriber[]
  lookup: ReadonlyMap<string, EntityRef>
}) {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(PAGE)
  return (
    <section className="card insight-card" aria-labelledby="prescribers-title">
      <h2 id="prescribers-title" className="card-title">
        {t('insights.prescribers.title')}
      </h2>
      <p className="card-intro">{t('insights.prescribers.explain')}</p>
      {prescribers.length === 0 ? (
        <p className="muted">{t('insights.prescribers.empty')}</p>
      ) : (
        <ol className="insight-list" data-testid="prescriber-list">
          {prescribers.slice(0, limit).map((prescriber) => (
            <li key={prescriber.id} data-testid="prescriber">
              <div className="insight-item-body">
                <div className="insight-item-head">
                  <EntityLink id={prescriber.id} lookup={lookup} />
                  <span className="insight-kind">
                    {t(`entityKind.${lookup.get(prescriber.id)?.kind ?? 'person'}`)}
                  </span>
                  <PowerBar power={prescriber.power} />
                  <span className="muted">
                    {t('insights.prescribers.customers', {
                      count: prescriber.customersInfluenced,
                    })}
                  </span>
                </div>
                {WAYS.map((way) => {
                  const ids = prescriber.influenced
                    .filter((one) => one.type === way)
                    .map((one) => one.id)
                  if (ids.length === 0) return null
                  return (
                    <p key={way} className="insight-way">
                      <span className="muted">{t(`insights.prescribers.way.${way}`)} </span>
                      <EntityLinks ids={ids} lookup={lookup} limit={10} />
                    </p>
                  )
                })}
              </div>
            </li>
          ))}
        </ol>
      )}
      {prescribers.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('insights.showMore', { count: Math.min(PAGE, prescribers.length - limit) })}
        </button>
      )}
    </section>
  )
}
