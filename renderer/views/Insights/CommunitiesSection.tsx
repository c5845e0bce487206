/**
 * Communities found in the social graph (Louvain), each named after its most connected member,
 * with its members, a link to it as a segment and to the map with the communities drawn.
 */
import { useTranslation } from 'react-i18next'
import type { CommunityModel } from '../../../src/graph/influence-types'
import { communitySegmentId } from '../../../src/value/segment-rules'
import { hashOf } from '../../app/routes'
import { groupColour } from '../Map/map-style'
import { EntityLinks } from './InsightParts'
import type { EntityRef } from './InsightParts'

export function CommunitiesSection({
  communities,
  lookup,
  onShowOnMap,
}: {
  communities: CommunityModel
  lookup: ReadonlyMap<string, EntityRef>
  onShowOnMap: () => void
}) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 })
  return (
    <section className="card insight-card" aria-labelledby="communities-title">
      <h2 id="communities-title" className="card-title">
        {t('insights.communities.title')}
      </h2>
      <p className="card-intro">
        {t('insights.communities.explain', {
          modularity: number.format(communities.modularity),
        })}
      </p>
      {communities.communities.length === 0 ? (
        <p className="muted">{t('insights.communities.empty')}</p>
      ) : (
        <>
          <ol className="insight-list" data-testid="community-list">
            {communities.communities.map((community, index) => (
              <li key={community.id} className="community" data-testid="community">
                <span
                  className="community-swatch"
                  style={{ background: groupColour(index) }}
                  aria-hidden="true"
                />
                <div className="insight-item-body">
                  <div className="insight-item-head">
                    <strong>{t('insights.communities.name', { name: community.name })}</strong>
                    <span className="muted">
                      {t('insights.members', { count: community.memberIds.length })}
                    </span>
                    <a href={hashOf('segments', communitySegmentId(community.leaderId))}>
                      {t('insights.communities.asSegment')}
                    </a>
                  </div>
                  <EntityLinks ids={community.memberIds} lookup={lookup} limit={12} />
                </div>
              </li>
            ))}
          </ol>
          <div className="card-actions">
            <button type="button" onClick={onShowOnMap}>
              {t('insights.communities.showOnMap')}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
