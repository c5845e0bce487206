/**
 * Segments: the built-in ones (value tiers, RFM groups, ladder stages) next to the user's own,
 * each with a live count; the chosen one's customers (and its rule editor, for the user's own);
 * the value charts, whose marks select the customers behind them.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { customersCsv } from '../../../src/io/csv-export'
import { formatMoney } from '../../../src/notebook/customer-summary'
import {
  BUILT_IN_SEGMENTS,
  communitySegmentId,
  evaluateSegment,
  isBuiltInSegmentId,
  parseSegmentRule,
  withSocialFacts,
} from '../../../src/value/segment-rules'
import type { BuiltInSegment, SegmentRule } from '../../../src/value/segment-rules'
import type { WholeValueModel } from '../../../src/value/value-model'
import type { ActionContext } from '../../actions/types'
import {
  createSegment,
  customerRows,
  deleteSegment,
  fileSlug,
  renameSegment,
  saveCsv,
  saveSegmentRule,
} from '../../actions/value-actions'
import { hashOf } from '../../app/routes'
import { ValueCharts } from '../../charts/ValueCharts'
import type { ChartSelection } from '../../charts/ValueCharts'
import { useInsights } from '../../hooks/useInsights'
import { useEntitiesOfKinds, useSegments, useValueModel } from '../../hooks/useValueModel'
import { PurchaseImport } from './PurchaseImport'
import { RuleEditor } from './RuleEditor'
import { builtInSegmentName } from './segment-names'
import './Segments.css'

interface Listed {
  id: string
  name: string
  rule: SegmentRule | undefined
  invalidReason?: string
  members: string[]
}

const PLACE_KINDS = ['place'] as const
const PRODUCT_KINDS = ['product'] as const

export function Segments({ context }: { context: ActionContext }) {
  const { t, i18n } = useTranslation()
  const model = useValueModel()
  const analysis = useInsights()
  const saved = useSegments()
  const places = useEntitiesOfKinds(PLACE_KINDS)
  const products = useEntitiesOfKinds(PRODUCT_KINDS)
  const [selection, setSelection] = useState<ChartSelection | null>(null)
  const detail = useRef<HTMLElement>(null)
  // A chart mark was chosen far below: bring its customers into view and say so.
  useEffect(() => {
    if (!selection) return
    detail.current?.scrollIntoView({ block: 'nearest' })
    detail.current?.querySelector<HTMLElement>('.card-title')?.focus()
  }, [selection])

  const communities = useMemo(
    () =>
      analysis?.communities.communities.map((community) => ({
        leaderId: community.leaderId,
        name: t('insights.communities.name', { name: community.name }),
      })) ?? [],
    [analysis, t],
  )
  const lists = useMemo(() => {
    if (!model || !saved) return undefined
    const data = analysis
      ? withSocialFacts(model.segmentData, {
          power: analysis.influence.scores,
          communities: analysis.communities.communities,
        })
      : model.segmentData
    const evaluate = (id: string, name: string, raw: unknown): Listed => {
      const parsed = parseSegmentRule(raw)
      return parsed.ok
        ? { id, name, rule: parsed.rule, members: evaluateSegment(parsed.rule, data) }
        : { id, name, rule: undefined, invalidReason: parsed.reason, members: [] }
    }
    const builtIn = (kind: BuiltInSegment['kind']) =>
      BUILT_IN_SEGMENTS.filter((segment) => segment.kind === kind).map((segment) =>
        evaluate(segment.id, builtInSegmentName(segment, t), segment.rule),
      )
    return {
      yours: saved.map((segment) => evaluate(segment.id, segment.name, segment.rule)),
      tiers: builtIn('tier'),
      rfm: builtIn('rfm'),
      stages: builtIn('stage'),
      // One segment per detected community, named after its leader.
      communities: (analysis?.communities.communities ?? []).map((community) =>
        evaluate(
          communitySegmentId(community.leaderId),
          t('insights.communities.name', { name: community.name }),
          {
            match: 'all',
            conditions: [{ type: 'community', leaderId: community.leaderId }],
          },
        ),
      ),
    }
  }, [model, saved, analysis, t])

  if (!model || !lists) return null
  const all = [...lists.yours, ...lists.tiers, ...lists.rfm, ...lists.stages, ...lists.communities]
  const current = context.routeId
    ? all.find((segment) => segment.id === context.routeId)
    : undefined
  const savedSegment = saved?.find((segment) => segment.id === current?.id)
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 0,
  })
  const knownTags = [...new Set(model.customers.flatMap((customer) => customer.tags))].sort()

  const group = (title: string, items: Listed[], testId: string) => (
    <section className="segment-group" aria-label={title} data-testid={testId}>
      <h2 className="section-title">{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('segments.noneYet')}</p>
      ) : (
        <ul className="segment-list">
          {items.map((segment) => (
            <li key={segment.id}>
              <a
                href={hashOf('segments', segment.id)}
                aria-current={segment.id === current?.id ? 'page' : undefined}
                data-testid="segment-item"
                onClick={() => setSelection(null)}
              >
                <span className="segment-name">{segment.name}</span>
                <span className="segment-count">
                  {t('segments.count', { count: segment.members.length })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )

  const shown = selection
    ? { title: t('segments.selection', { label: selection.label }), ids: selection.ids }
    : current
      ? { title: t('segments.members', { name: current.name }), ids: current.members }
      : undefined

  return (
    <div className="view segments">
      <header className="view-header">
        <h1>{t('segments.title')}</h1>
        <p className="view-subtitle">{t('segments.intro')}</p>
        <div className="view-actions">
          <PurchaseImport context={context} />
          <button
            type="button"
            className="button-primary"
            onClick={() => void createSegment(context)}
          >
            {t('segments.new')}
          </button>
        </div>
      </header>
      <p className="tier-summary" data-testid="tier-summary">
        {(
          [
            ['top-5', model.tiers.top5],
            ['top-20', model.tiers.top20],
          ] as const
        ).map(([tier, summary]) => (
          <span key={tier}>
            {t('segments.tierSummary', {
              tier: t(`rfm.tiers.${tier}`),
              count: summary.ids.length,
              share: percent.format(summary.share),
            })}
          </span>
        ))}
      </p>
      <div className="segments-columns">
        <nav className="segments-nav" aria-label={t('segments.title')}>
          {group(t('segments.yours'), lists.yours, 'segments-yours')}
          {group(t('segments.builtInTiers'), lists.tiers, 'segments-tiers')}
          {group(t('segments.builtInRfm'), lists.rfm, 'segments-rfm')}
          {group(t('segments.builtInStages'), lists.stages, 'segments-stages')}
          {lists.communities.length > 0 &&
            group(t('segments.communities'), lists.communities, 'segments-communities')}
        </nav>
        <section
          ref={detail}
          className="card segment-detail"
          aria-live="polite"
          data-testid="segment-detail"
        >
          {current && savedSegment && !isBuiltInSegmentId(current.id) && !selection && (
            <div className="segment-own">
              <div className="card-actions">
                <button type="button" onClick={() => void renameSegment(context, savedSegment)}>
                  {t('segments.rename')}
                </button>
                <button
                  type="button"
                  className="button-quiet button-quiet-danger"
                  onClick={() => void deleteSegment(context, savedSegment)}
                >
                  {t('segments.delete')}
                </button>
              </div>
              {current.rule ? (
                <RuleEditor
                  key={current.id}
                  rule={current.rule}
                  onChange={(rule) => void saveSegmentRule(context, current.id, rule)}
                  places={places ?? []}
                  products={products ?? []}
                  knownTags={knownTags}
                  communities={communities}
                />
              ) : (
                <p role="alert">
                  {t('segments.invalidRule', { reason: current.invalidReason ?? '' })}
                </p>
              )}
            </div>
          )}
          {shown ? (
            <Members
              context={context}
              model={model}
              title={shown.title}
              ids={shown.ids}
              onClear={selection ? () => setSelection(null) : undefined}
            />
          ) : (
            <p className="muted">{t('segments.choose')}</p>
          )}
        </section>
      </div>
      <ValueCharts model={model} onSelect={setSelection} context={context} />
    </div>
  )
}

function Members({
  context,
  model,
  title,
  ids,
  onClear,
}: {
  context: ActionContext
  model: WholeValueModel
  title: string
  ids: readonly string[]
  onClear: (() => void) | undefined
}) {
  const { t, i18n } = useTranslation()
  const names = new Map(model.customers.map((customer) => [customer.id, customer.name]))
  const rows = [...ids]
    .map((id) => ({ id, name: names.get(id) ?? id, value: model.summaries.get(id)?.value }))
    .sort((a, b) => (b.value?.total ?? 0) - (a.value?.total ?? 0) || a.name.localeCompare(b.name))
  return (
    <div className="segment-members">
      <div className="segment-members-header">
        <h2 className="card-title" tabIndex={-1}>
          {title}
        </h2>
        <div className="card-actions">
          {onClear && (
            <button type="button" className="button-quiet" onClick={onClear}>
              {t('segments.clearSelection')}
            </button>
          )}
          <button
            type="button"
            disabled={ids.length === 0}
            onClick={() =>
              void saveCsv(
                context,
                `${fileSlug(title)}.csv`,
                customersCsv(customerRows(model, ids)),
              )
            }
          >
            {t('segments.exportMembers')}
          </button>
        </div>
      </div>
      <p className="muted" data-testid="segment-member-count">
        {t('segments.count', { count: ids.length })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t('segments.noMembers')}</p>
      ) : (
        <ul className="segment-member-list" data-testid="segment-members">
          {rows.map((row) => (
            <li key={row.id}>
              <a href={hashOf('customers', row.id)}>{row.name}</a>
              {row.value?.currency && row.value.purchases > 0 && (
                <span className="muted">
                  {formatMoney(row.value.total, row.value.currency, i18n.language)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
