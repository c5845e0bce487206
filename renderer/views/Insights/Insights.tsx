/**
 * Insights: who matters (social power, prescribers, ambassadors and sceptics, communities) and
 * what customers are telling you (what they use besides you, themes and weak signals, who needs
 * attention, what is not known yet). One section at a time, chosen in the address
 * (`#/insights/prescribers`), so every figure elsewhere can link straight to its list.
 */
import { useTranslation } from 'react-i18next'
import type { ActionContext } from '../../actions/types'
import { hashOf } from '../../app/routes'
import { useInsights } from '../../hooks/useInsights'
import { openMapWith } from '../Map/Map'
import { AttentionSection } from './AttentionSection'
import { BesidesSection } from './BesidesSection'
import { CommunitiesSection } from './CommunitiesSection'
import { GapsSection } from './GapsSection'
import { PrescribersSection } from './PrescribersSection'
import { ThemesSection } from './ThemesSection'
import { VoicesSection } from './VoicesSection'
import { InfluenceSection } from './InfluenceSection'
import { useEntityLookup } from './InsightParts'
import { INSIGHT_SECTIONS, parseInsightsRouteId } from './sections'
import './Insights.css'

export function Insights({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const analysis = useInsights()
  const lookup = useEntityLookup()
  const { section, item } = parseInsightsRouteId(context.routeId)
  const notebookId = context.app.state.notebook?.entry.id ?? ''
  return (
    <div className="view insights">
      <header className="view-header">
        <h1>{t('insights.title')}</h1>
        <p className="view-subtitle">{t('insights.intro')}</p>
      </header>
      <nav aria-label={t('insights.sections')}>
        <ul className="insights-tabs">
          {INSIGHT_SECTIONS.map((one) => (
            <li key={one}>
              <a href={hashOf('insights', one)} aria-current={one === section ? 'page' : undefined}>
                {t(`insights.${one}.nav`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {!analysis || !lookup ? (
        <p className="insight-status" role="status">
          {t('insights.computing')}
        </p>
      ) : (
        <div className="insights-body" data-testid={`insights-${section}`}>
          {section === 'influence' && (
            <InfluenceSection influence={analysis.influence} lookup={lookup} />
          )}
          {section === 'prescribers' && (
            <PrescribersSection prescribers={analysis.insights.prescribers} lookup={lookup} />
          )}
          {section === 'voices' && (
            <VoicesSection voices={analysis.insights.voices} lookup={lookup} context={context} />
          )}
          {section === 'besides' && (
            <BesidesSection besides={analysis.insights.besides} lookup={lookup} context={context} />
          )}
          {section === 'themes' && (
            <ThemesSection
              key={item ?? ''}
              themes={analysis.insights.themes}
              context={context}
              initial={item}
            />
          )}
          {section === 'attention' && (
            <AttentionSection
              attention={analysis.insights.attention}
              lookup={lookup}
              context={context}
            />
          )}
          {section === 'gaps' && <GapsSection gaps={analysis.insights.gaps} lookup={lookup} />}
          {section === 'communities' && (
            <CommunitiesSection
              communities={analysis.communities}
              lookup={lookup}
              onShowOnMap={() => {
                openMapWith(notebookId, { communities: true, kinds: [] })
                context.navigate('map')
              }}
            />
          )}
        </div>
      )}
    </div>
  )
}
