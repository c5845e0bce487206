/**
 * The home screen's insights: the most useful few of each list, every name and figure a link to
 * the entity or the notes behind it, every panel title a link to the full view.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { hashOf } from '../../app/routes'
import { useInsightsOverview } from '../../hooks/useInsights'
import { EntityLink, EntityLinks, PowerBar, useEntityLookup } from '../Insights/InsightParts'
import { themeLabel } from '../Insights/ThemesSection'
import { insightsRouteId } from '../Insights/sections'
import type { InsightSection } from '../Insights/sections'
import '../Insights/Insights.css'
import './InsightsDashboard.css'

function Panel({
  section,
  title,
  children,
}: {
  section: InsightSection
  title: string
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section className="dashboard-panel" aria-label={title} data-testid={`dashboard-${section}`}>
      <h3 className="dashboard-title">
        <a href={hashOf('insights', section)}>{title}</a>
      </h3>
      {children}
      <a className="dashboard-more" href={hashOf('insights', section)}>
        {t('insights.dashboard.seeAll')}
      </a>
    </section>
  )
}

export function InsightsDashboard() {
  const { t } = useTranslation()
  const overview = useInsightsOverview()
  const lookup = useEntityLookup()
  if (!overview || !lookup) {
    return (
      <p className="insight-status" role="status">
        {t('insights.computing')}
      </p>
    )
  }
  const { prescribers, rising, quiet, people, ambassadors, sceptics, besides, gaps } = overview
  const overdue = overview.overdueLoops
  const empty = <p className="muted">{t('insights.dashboard.nothingYet')}</p>
  return (
    <div className="dashboard" data-testid="insights-dashboard">
      <Panel section="prescribers" title={t('insights.prescribers.title')}>
        {prescribers.total === 0 ? (
          empty
        ) : (
          <ol className="dashboard-list">
            {prescribers.first.map((prescriber) => (
              <li key={prescriber.id} data-testid="dashboard-prescriber">
                <EntityLink id={prescriber.id} lookup={lookup} />
                <a className="muted" href={hashOf('insights', 'prescribers')}>
                  {t('insights.prescribers.customers', { count: prescriber.customersInfluenced })}
                </a>
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="themes" title={t('insights.themes.rising')}>
        {rising.total === 0 ? (
          <p className="muted">{t('insights.themes.noRising')}</p>
        ) : (
          <ol className="dashboard-list">
            {rising.first.map((theme) => (
              <li key={theme.id} data-testid="dashboard-signal">
                <a href={hashOf('insights', insightsRouteId('themes', theme.id))}>
                  {themeLabel(theme)}
                </a>
                <span className="muted">
                  {t('insights.themes.recentVsBefore', {
                    recent: theme.recent,
                    weeks: overview.recentWeeks,
                    baseline: theme.baseline,
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="attention" title={t('insights.attention.quietTitle')}>
        {quiet.total === 0 ? (
          <p className="muted">{t('insights.attention.noQuiet')}</p>
        ) : (
          <ol className="dashboard-list">
            {quiet.first.map((customer) => (
              <li key={customer.id} data-testid="dashboard-quiet">
                <EntityLink id={customer.id} lookup={lookup} />
                <span className="muted">
                  {t('insights.dashboard.silentFor', { count: Math.round(customer.silentDays) })}
                </span>
              </li>
            ))}
          </ol>
        )}
        {overdue > 0 && (
          <p className="dashboard-note">
            <a href={hashOf('follow-ups')}>
              {t('insights.dashboard.overdueLoops', { count: overdue })}
            </a>
          </p>
        )}
      </Panel>
      <Panel section="influence" title={t('insights.influence.title')}>
        {people.total === 0 ? (
          empty
        ) : (
          <ol className="dashboard-list">
            {people.first.map(({ id, power }) => (
              <li key={id}>
                <EntityLink id={id} lookup={lookup} />
                <PowerBar power={power} />
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="voices" title={t('insights.voices.title')}>
        {ambassadors.total + sceptics.total === 0 ? (
          empty
        ) : (
          <dl className="dashboard-voices">
            <dt>{t('insights.voices.ambassadors')}</dt>
            <dd>
              <EntityLinks ids={ambassadors.first} total={ambassadors.total} lookup={lookup} />
            </dd>
            <dt>{t('insights.voices.sceptics')}</dt>
            <dd>
              {sceptics.total === 0 ? (
                <span className="muted">{t('insights.dashboard.none')}</span>
              ) : (
                <EntityLinks ids={sceptics.first} total={sceptics.total} lookup={lookup} />
              )}
            </dd>
          </dl>
        )}
      </Panel>
      <Panel section="besides" title={t('insights.besides.title')}>
        {besides.total === 0 ? (
          empty
        ) : (
          <ol className="dashboard-list">
            {besides.first.map((item) => (
              <li key={item.id}>
                <EntityLink id={item.id} lookup={lookup} />
                <a className="muted" href={hashOf('insights', 'besides')}>
                  {t('insights.dashboard.customers', { count: item.customers })}
                </a>
                {item.isRising && <span className="trend-up">{t('insights.rising')}</span>}
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="gaps" title={t('insights.gaps.title')}>
        {gaps.total === 0 ? (
          <p className="muted">{t('insights.gaps.empty')}</p>
        ) : (
          <ol className="dashboard-list">
            {gaps.first.map((customer) => (
              <li key={customer.id}>
                <EntityLink id={customer.id} lookup={lookup} />
                <span className="muted">
                  {t('insights.dashboard.unknownFacets', { count: customer.missing })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="communities" title={t('insights.communities.title')}>
        {overview.communities.total === 0 ? (
          <p className="muted">{t('insights.communities.empty')}</p>
        ) : (
          <ol className="dashboard-list">
            {overview.communities.first.map((community) => (
              <li key={community.id}>
                <EntityLink id={community.leaderId} lookup={lookup} />
                <a className="muted" href={hashOf('insights', 'communities')}>
                  {t('insights.members', { count: community.members })}
                </a>
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  )
}
