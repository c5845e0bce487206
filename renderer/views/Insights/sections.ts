/** The sections of the insights screen, in the order of its tabs; one is chosen in the address. */
export const INSIGHT_SECTIONS = [
  'influence',
  'prescribers',
  'voices',
  'communities',
  'besides',
  'themes',
  'attention',
  'gaps',
] as const
export type InsightSection = (typeof INSIGHT_SECTIONS)[number]

export function isInsightSection(value: string | undefined): value is InsightSection {
  return (INSIGHT_SECTIONS as readonly (string | undefined)[]).includes(value)
}

/**
 * The address id of a section, optionally with one item opened in it (`themes~tag:vegan`):
 * the home screen's figures link straight to the notes behind them.
 */
export function insightsRouteId(section: InsightSection, item?: string): string {
  return item ? `${section}~${item}` : section
}

export function parseInsightsRouteId(routeId: string | undefined): {
  section: InsightSection
  item: string | undefined
} {
  const [section, ...rest] = (routeId ?? '').split('~')
  return isInsightSection(section)
    ? { section, item: rest.length > 0 ? rest.join('~') : undefined }
    : { section: 'influence', item: undefined }
}
