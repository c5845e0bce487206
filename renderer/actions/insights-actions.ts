/**
 * Each insights section from the palette: "prescribers", "sceptics", "weak signals"… go
 * straight to the list.
 */
import { INSIGHT_SECTIONS } from '../views/Insights/sections'
import type { Action } from './types'

const KEYWORDS: Record<(typeof INSIGHT_SECTIONS)[number], string[]> = {
  influence: ['pagerank', 'betweenness', 'power', 'pouvoir', 'influence'],
  prescribers: ['prescriber', 'prescripteur', 'referral', 'parrainage'],
  voices: ['ambassador', 'ambassadeur', 'sceptic', 'sceptique', 'detractor'],
  communities: ['louvain', 'community', 'communauté', 'group', 'groupe'],
  besides: ['competitor', 'concurrent', 'substitute', 'complement'],
  themes: ['theme', 'thème', 'weak signal', 'signal faible', 'trend', 'tendance', 'tag'],
  attention: ['attention', 'follow-up', 'relance', 'overdue'],
  gaps: ['knowledge', 'connaissance', 'gap', 'lacune'],
}

export const INSIGHTS_ACTIONS: readonly Action[] = INSIGHT_SECTIONS.map((section): Action => ({
  name: `insights.${section}`,
  label: ({ t }) => t('insights.goSection', { section: t(`insights.${section}.nav`) }),
  group: 'navigate',
  keywords: KEYWORDS[section],
  isAvailable: ({ app }) => app.state.notebook !== null,
  perform: (context) => context.navigate('insights', section),
}))
