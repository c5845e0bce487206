/**
 * An entity's social power on its page: the score, its rank, the four measures behind it in
 * words, its community, and for a prescriber the customers it brings.
 */
import { useTranslation } from 'react-i18next'
import { communitySegmentId } from '../../../src/value/segment-rules'
import { hashOf } from '../../app/routes'
import { useEntityStanding } from '../../hooks/useInsights'
import { PowerBar } from '../Insights/InsightParts'
import './EntityInfluence.css'

export function EntityInfluence({ entityId }: { entityId: string }) {
  const { t, i18n } = useTranslation()
  const standing = useEntityStanding(entityId)
  if (!standing) return null
  const { score, rank, connected, community } = standing
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
  })
  return (
    <section className="card" aria-labelledby="influence-card-title" data-testid="entity-influence">
      <h2 id="influence-card-title" className="card-title">
        {t('insights.entity.title')}
      </h2>
      {score.degree === 0 ? (
        <p className="muted">{t('insights.entity.noTies')}</p>
      ) : (
        <>
          <div className="entity-power">
            <PowerBar power={score.power} />
            <a href={hashOf('insights', 'influence')} className="muted">
              {t('insights.entity.rank', { rank, count: connected })}
            </a>
          </div>
          <dl className="entity-influence-facts">
            <dt>{t('insights.influence.degree')}</dt>
            <dd>{score.degree}</dd>
            <dt>{t('insights.influence.reach')}</dt>
            <dd>{score.reach}</dd>
            <dt>{t('insights.influence.bridge')}</dt>
            <dd>{percent.format(score.betweenness)}</dd>
            <dt>{t('insights.influence.listened')}</dt>
            <dd>{percent.format(score.pagerank)}</dd>
          </dl>
          {community && (
            <p className="entity-community">
              {t('insights.entity.community')}{' '}
              <a href={hashOf('segments', communitySegmentId(community.leaderId))}>
                {t('insights.communities.name', { name: community.name })}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  )
}
