/**
 * Social power, ranked: every entity with its power and the four measures behind it, and how
 * the score is made, in words. Filterable by kind; long lists grow a page at a time.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InfluenceModel } from '../../../src/graph/influence-types'
import { ENTITY_KINDS } from '../../../src/model/vocabulary'
import type { EntityKind } from '../../../src/model/vocabulary'
import { EntityLink, PowerBar } from './InsightParts'
import type { EntityRef } from './InsightParts'

const PAGE = 50

export function InfluenceSection({
  influence,
  lookup,
}: {
  influence: InfluenceModel
  lookup: ReadonlyMap<string, EntityRef>
}) {
  const { t, i18n } = useTranslation()
  const [kind, setKind] = useState<EntityKind | 'people' | 'all'>('people')
  const [limit, setLimit] = useState(PAGE)
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 })
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
  })
  const rows = influence.ranked.filter((id) => {
    const entity = lookup.get(id)
    if (!entity || (influence.scores[id]?.degree ?? 0) === 0) return false
    if (kind === 'all') return true
    if (kind === 'people') return entity.kind === 'customer' || entity.kind === 'person'
    return entity.kind === kind
  })
  const { weights, betweenness } = influence
  return (
    <section className="card insight-card" aria-labelledby="influence-title">
      <h2 id="influence-title" className="card-title">
        {t('insights.influence.title')}
      </h2>
      <p className="card-intro">
        {t('insights.influence.explain', {
          pagerank: percent.format(weights.pagerank),
          betweenness: percent.format(weights.betweenness),
          reach: percent.format(weights.reach),
          degree: percent.format(weights.degree),
        })}
      </p>
      {betweenness.kind === 'sampled' && (
        <p className="card-intro" data-testid="betweenness-method">
          {t('insights.influence.sampled', {
            samples: betweenness.samples,
            error: number.format(betweenness.error * 100),
          })}
        </p>
      )}
      <label className="insight-filter">
        <span>{t('insights.influence.show')}</span>
        <select
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as typeof kind)
            setLimit(PAGE)
          }}
        >
          <option value="people">{t('insights.influence.people')}</option>
          <option value="all">{t('insights.influence.everyone')}</option>
          {ENTITY_KINDS.map((one) => (
            <option key={one} value={one}>
              {t(`entityKind.${one}`)}
            </option>
          ))}
        </select>
      </label>
      {rows.length === 0 ? (
        <p className="muted">{t('insights.influence.empty')}</p>
      ) : (
        <div className="insight-table-wrap">
          <table className="insight-table" data-testid="influence-table">
            <thead>
              <tr>
                <th scope="col">{t('insights.rank')}</th>
                <th scope="col">{t('insights.name')}</th>
                <th scope="col">{t('insights.influence.power')}</th>
                <th scope="col" className="numeric" title={t('insights.influence.degreeHelp')}>
                  {t('insights.influence.degree')}
                </th>
                <th scope="col" className="numeric" title={t('insights.influence.reachHelp')}>
                  {t('insights.influence.reach')}
                </th>
                <th scope="col" className="numeric" title={t('insights.influence.bridgeHelp')}>
                  {t('insights.influence.bridge')}
                </th>
                <th scope="col" className="numeric" title={t('insights.influence.listenedHelp')}>
                  {t('insights.influence.listened')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((id, index) => {
                const score = influence.scores[id]!
                const entity = lookup.get(id)!
                return (
                  <tr key={id} data-testid="influence-row">
                    <td className="numeric">{index + 1}</td>
                    <td>
                      <EntityLink id={id} lookup={lookup} />
                      <span className="insight-kind">{t(`entityKind.${entity.kind}`)}</span>
                    </td>
                    <td>
                      <PowerBar power={score.power} />
                    </td>
                    <td className="numeric">{score.degree}</td>
                    <td className="numeric">{score.reach}</td>
                    <td className="numeric">{percent.format(score.betweenness)}</td>
                    <td className="numeric">{percent.format(score.pagerank)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > limit && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('insights.showMore', { count: Math.min(PAGE, rows.length - limit) })}
        </button>
      )}
    </section>
  )
}
