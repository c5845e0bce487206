/**
 * The home screen's insights: the most useful few of each list, every name and figure a link to
 * the entity or the notes behind it, every panel title a link to the full view.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { hashOf } from '../../app/routes'
import { useInsights } from '../../hooks/useInsights'
import { EntityLink, EntityLinks, PowerBar, useEntityLookup } from '../Insights/InsightParts'
import { themeLabel } from '../Insights/ThemesSection'
import { insightsRouteId } from '../Insights/sections'
import type { InsightSection } from '../Insights/sections'
import '../Insights/Insights.css'
import './InsightsDashboard.css'

const TOP = 5

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
  const analysis = useInsights()
  const lookup = useEntityLookup()
  if (!analysis || !lookup) {
    return (
      <p className="insight-status" role="status">
        {t('insights.computing')}
      </p>
    )
  }
  const { influence, communities, insights } = analysis
  const people = influence.ranked
    .filter((id) => {
      const kind = lookup.get(id)?.kind
      return (kind === 'customer' || kind === 'person') && (influence.scores[id]?.power ?? 0) > 0
    })
    .slice(0, TOP)
  const besides = [
    ...insights.besides.groups.competitor,
    ...insights.besides.groups.substitute,
    ...insights.besides.groups.complement,
  ].sort((a, b) => Number(b.isRising) - Number(a.isRising) || b.net - a.net)
  const overdue = insights.attention.followUps.filter((loop) => loop.isOverdue).length
  const empty = <p className="muted">{t('insights.dashboard.nothingYet')}</p>
  return (
    <div className="dashboard" data-testid="insights-dashboard">
      <Panel section="prescribers" title={t('insights.prescribers.title')}>
        {insights.prescribers.length === 0 ? (
          empty
        ) : (
          <ol className="dashboard-list">
            {insights.prescribers.slice(0, 3).map((prescriber) => (
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
        {insights.themes.rising.length === 0 ? (
          <p className="muted">{t('insights.themes.noRising')}</p>
        ) : (
          <ol className="dashboard-list">
            {insights.themes.rising.slice(0, TOP).map((theme) => (
              <li key={theme.id} data-testid="dashboard-signal">
                <a href={hashOf('insights', insightsRouteId('themes', theme.id))}>
                  {themeLabel(theme)}
                </a>
                <span className="muted">
                  {t('insights.themes.recentVsBefore', {
                    recent: theme.recent,
                    weeks: insights.themes.recentWeeks,
                    baseline: theme.baseline,
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="attention" title={t('insights.attention.quietTitle')}>
        {insights.attention.customers.length === 0 ? (
          <p className="muted">{t('insights.attention.noQuiet')}</p>
        ) : (
          <ol className="dashboard-list">
            {insights.attention.customers.slice(0, TOP).map((customer) => (
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
        {people.length === 0 ? (
          empty
        ) : (
          <ol className="dashboard-list">
            {people.map((id) => (
              <li key={id}>
                <EntityLink id={id} lookup={lookup} />
                <PowerBar power={influence.scores[id]!.power} />
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="voices" title={t('insights.voices.title')}>
        {insights.voices.ambassadors.length + insights.voices.sceptics.length === 0 ? (
          empty
        ) : (
          <dl className="dashboard-voices">
            <dt>{t('insights.voices.ambassadors')}</dt>
            <dd>
              <EntityLinks
                ids={insights.voices.ambassadors.map((voice) => voice.id)}
                lookup={lookup}
                limit={3}
              />
            </dd>
            <dt>{t('insights.voices.sceptics')}</dt>
            <dd>
              {insights.voices.sceptics.length === 0 ? (
                <span className="muted">{t('insights.dashboard.none')}</span>
              ) : (
                <EntityLinks
                  ids={insights.voices.sceptics.map((voice) => voice.id)}
                  lookup={lookup}
                  limit={3}
                />
              )}
            </dd>
          </dl>
        )}
      </Panel>
      <Panel section="besides" title={t('insights.besides.title')}>
        {besides.length === 0 ? (
          empty
        ) : (
          <ol className="dashboard-list">
            {besides.slice(0, TOP).map((item) => (
              <li key={item.id}>
                <EntityLink id={item.id} lookup={lookup} />
                <a className="muted" href={hashOf('insights', 'besides')}>
                  {t('insights.dashboard.customers', { count: item.customerIds.length })}
                </a>
                {item.isRising && <span className="trend-up">{t('insights.rising')}</span>}
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="gaps" title={t('insights.gaps.title')}>
        {insights.gaps.customers.length === 0 ? (
          <p className="muted">{t('insights.gaps.empty')}</p>
        ) : (
          <ol className="dashboard-list">
            {insights.gaps.customers.slice(0, 3).map((customer) => (
              <li key={customer.id}>
                <EntityLink id={customer.id} lookup={lookup} />
                <span className="muted">
                  {t('insights.dashboard.unknownFacets', { count: customer.missing.length })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Panel>
      <Panel section="communities" title={t('insights.communities.title')}>
        {communities.communities.length === 0 ? (
          <p className="muted">{t('insights.communities.empty')}</p>
        ) : (
          <ol className="dashboard-list">
            {communities.communities.slice(0, 4).map((community) => (
              <li key={community.id}>
                <EntityLink id={community.leaderId} lookup={lookup} />
                <a className="muted" href={hashOf('insights', 'communities')}>
                  {t('insights.members', { count: community.memberIds.length })}
                </a>
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  )
}
