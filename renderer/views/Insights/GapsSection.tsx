/**
 * Knowledge gaps: the customers who matter most and about whom least is known, and for each
 * kind of knowledge the important customers it is missing for.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KnowledgeGaps } from '../../../src/insights/gaps'
import { EntityLink, EntityLinks, Reasons } from './InsightParts'
import type { EntityRef } from './InsightParts'

const PAGE = 25

export function GapsSection({
  gaps,
  lookup,
}: {
  gaps: KnowledgeGaps
  lookup: ReadonlyMap<string, EntityRef>
}) {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(PAGE)
  const [facet, setFacet] = useState<string | null>(null)
  const chosen = gaps.facets.find((one) => one.facet === facet)
  return (
    <>
      <section className="card insight-card" aria-labelledby="gaps-title">
        <h2 id="gaps-title" className="card-title">
          {t('insights.gaps.title')}
        </h2>
        <p className="card-intro">{t('insights.gaps.explain')}</p>
        {gaps.customers.length === 0 ? (
          <p className="muted">{t('insights.gaps.empty')}</p>
        ) : (
          <div className="insight-table-wrap">
            <table className="insight-table" data-testid="gap-customers">
              <thead>
                <tr>
                  <th scope="col">{t('insights.name')}</th>
                  <th scope="col">{t('insights.attention.why')}</th>
                  <th scope="col">{t('insights.gaps.missing')}</th>
                </tr>
              </thead>
              <tbody>
                {gaps.customers.slice(0, limit).map((customer) => (
                  <tr key={customer.id} data-testid="gap-customer">
                    <td>
                      <EntityLink id={customer.id} lookup={lookup} />
                    </td>
                    <td>
                      <Reasons reasons={customer.importance.reasons} />
                    </td>
                    <td>
                      <span className="gap-facets">
                        {customer.missing.map((one) => (
                          <span key={one} className="gap-facet">
                            {t(`capture.facetNames.${one}`)}
                          </span>
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {gaps.customers.length > limit && (
          <button type="button" onClick={() => setLimit(limit + PAGE)}>
            {t('insights.showMore', { count: Math.min(PAGE, gaps.customers.length - limit) })}
          </button>
        )}
      </section>
      <section className="card insight-card" aria-labelledby="facets-title">
        <h2 id="facets-title" className="card-title">
          {t('insights.gaps.byFacet')}
        </h2>
        <ul className="gap-facet-list" data-testid="gap-facets">
          {gaps.facets.map((one) => (
            <li key={one.facet}>
              <span className="muted">{t(`customer.knowledgeKind.${one.kind}`)} · </span>
              {t(`capture.facetNames.${one.facet}`)}{' '}
              <button
                type="button"
                className="insight-pick"
                aria-pressed={facet === one.facet}
                disabled={one.customerIds.length === 0}
                onClick={() => setFacet(facet === one.facet ? null : one.facet)}
              >
                {t('insights.gaps.missingFor', { count: one.customerIds.length })}
              </button>
            </li>
          ))}
        </ul>
        {chosen && (
          <p>
            <span className="muted">
              {t('insights.gaps.missingFacet', {
                facet: t(`capture.facetNames.${chosen.facet}`),
              })}{' '}
            </span>
            <EntityLinks ids={chosen.customerIds} lookup={lookup} limit={40} />
          </p>
        )}
      </section>
    </>
  )
}
