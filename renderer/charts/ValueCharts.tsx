/**
 * The value charts, drawn with d3 as SVG (text always through `.text()`, colours through CSS
 * classes so light and dark themes both read): value × relationship map, RFM grid, Pareto curve.
 * Every mark is a keyboard-reachable button that selects the customers behind it; every chart
 * has a table view with the same data.
 */
import { scaleLinear, scalePoint, scaleSqrt, scaleSymlog } from 'd3-scale'
import { select } from 'd3-selection'
import { line } from 'd3-shape'
import { useEffect, useMemo } from 'react'
import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { STAGES } from '../../src/model/vocabulary'
import { formatMoney } from '../../src/notebook/customer-summary'
import { paretoMarks, rfmGridCells, valueMapPoints } from '../../src/value/chart-data'
import { RFM_GROUPS } from '../../src/value/rfm'
import type { ParetoMark, RfmCell, ValuePoint } from '../../src/value/chart-data'
import type { ParetoPoint } from '../../src/value/tiers'
import type { WholeValueModel } from '../../src/value/value-model'
import type { ActionContext } from '../actions/types'
import { hashOf } from '../app/routes'
import { ChartCard, markAsButton } from './ChartCard'
import { SegmentHistoryCharts } from './SegmentHistoryCharts'
import './group-colours.css'
import './ValueCharts.css'

export interface ChartSelection {
  label: string
  ids: string[]
}

const SVG_NS = 'http://www.w3.org/2000/svg'
const WIDTH = 720
const HEIGHT = 380
const MARGIN = { top: 24, right: 24, bottom: 52, left: 110 }

export function ValueCharts({
  model,
  onSelect,
  context,
}: {
  model: WholeValueModel
  onSelect: (selection: ChartSelection) => void
  context: ActionContext
}) {
  const { t } = useTranslation()
  if (model.rfm.size === 0) {
    return (
      <section className="value-charts" aria-labelledby="charts-title">
        <h2 id="charts-title" className="section-title">
          {t('charts.title')}
        </h2>
        <p className="muted">{t('charts.empty')}</p>
      </section>
    )
  }
  return (
    <section className="value-charts" aria-labelledby="charts-title">
      <h2 id="charts-title" className="section-title">
        {t('charts.title')}
      </h2>
      <ValueMapChart model={model} onSelect={onSelect} context={context} />
      <RfmGridChart model={model} onSelect={onSelect} context={context} />
      <ParetoChart model={model} onSelect={onSelect} context={context} />
      <SegmentHistoryCharts onSelect={onSelect} context={context} />
    </section>
  )
}

interface ChartProps {
  model: WholeValueModel
  onSelect: (selection: ChartSelection) => void
  context: ActionContext
}

function useDraw(
  svgRef: RefObject<SVGSVGElement | null>,
  draw: (svg: SVGSVGElement) => void,
  deps: readonly unknown[],
) {
  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    select(svg).selectAll('*').remove()
    draw(svg)
    // draw is rebuilt every render; deps say when it really changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
}

function ChartSvg({
  svgRef,
  label,
  height = HEIGHT,
}: {
  svgRef: RefObject<SVGSVGElement | null>
  label: string
  height?: number
}) {
  return (
    <svg
      ref={svgRef}
      className="chart-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="group"
      aria-label={label}
    />
  )
}

const money = (amount: number, currency: string | undefined, language: string) =>
  currency ? formatMoney(amount, currency, language) : String(amount)

/** An axis tick: whole units only (€1,000 rather than €1,000.00). */
function tickMoney(amount: number, currency: string | undefined, language: string): string {
  if (!currency) return String(amount)
  const format = new Intl.NumberFormat(language, { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount / 10 ** digits)
}

const LEGEND_GROUPS = [...RFM_GROUPS, 'none'] as const
/** The class giving an RFM group its colour (`group-colours.css`); no purchase is drawn hollow. */
const rfmColour = (group: (typeof LEGEND_GROUPS)[number]) =>
  group === 'none' ? 'rfm-fill-none' : `group-rfm-${group}`
const MAP_HEIGHT = HEIGHT + 78
/** The value map's stage names ("Suivi avec attention") need a wider left margin. */
const MAP_LEFT = 170

/* ---------- value × relationship ---------- */

function ValueMapChart({ model, onSelect, context }: ChartProps) {
  const { t, i18n } = useTranslation()
  const points = useMemo(() => valueMapPoints(model), [model])
  const currency = points.find((point) => point.currency)?.currency
  const stageLabel = (stage: ValuePoint['stage']) => t(`stage.${stage ?? 'none'}`)
  return (
    <ChartCard
      id="value-map"
      title={t('charts.valueMap')}
      description={t('charts.valueMapDescription')}
      context={context}
      table={
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('charts.customer')}</th>
              <th scope="col">{t('charts.axisValue')}</th>
              <th scope="col">{t('charts.axisStage')}</th>
              <th scope="col">{t('charts.ties')}</th>
              <th scope="col">{t('charts.group')}</th>
            </tr>
          </thead>
          <tbody>
            {[...points]
              .sort((a, b) => b.total - a.total)
              .map((point) => (
                <tr key={point.id}>
                  <th scope="row">
                    <a href={hashOf('customers', point.id)}>{point.name}</a>
                  </th>
                  <td>{money(point.total, point.currency ?? currency, i18n.language)}</td>
                  <td>{stageLabel(point.stage)}</td>
                  <td>{point.ties}</td>
                  <td>{point.group ? t(`rfm.groups.${point.group}`) : '—'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    >
      {(svgRef) => (
        <ValueMapSvg
          svgRef={svgRef}
          points={points}
          currency={currency}
          onSelect={onSelect}
          t={t}
          language={i18n.language}
        />
      )}
    </ChartCard>
  )
}

function ValueMapSvg({
  svgRef,
  points,
  currency,
  onSelect,
  t,
  language,
}: {
  svgRef: RefObject<SVGSVGElement | null>
  points: ValuePoint[]
  currency: string | undefined
  onSelect: (selection: ChartSelection) => void
  t: TFunction
  language: string
}) {
  useDraw(
    svgRef,
    (svg) => {
      const root = select(svg)
      const maxTotal = Math.max(1, ...points.map((point) => point.total))
      const x = scaleSymlog()
        .constant(1_000)
        .domain([0, maxTotal])
        .range([MAP_LEFT, WIDTH - MARGIN.right])
        .nice()
      const rows = ['none', ...STAGES] as const
      const y = scalePoint<string>()
        .domain(rows)
        .range([HEIGHT - MARGIN.bottom - 10, MARGIN.top + 10])
      const radius = scaleSqrt()
        .domain([0, Math.max(1, ...points.map((point) => point.ties))])
        .range([3, 14])
      const axis = root.append('g').attr('class', 'chart-axis')
      for (const row of rows) {
        const at = y(row) ?? 0
        axis
          .append('line')
          .attr('class', 'chart-grid')
          .attr('x1', MAP_LEFT)
          .attr('x2', WIDTH - MARGIN.right)
          .attr('y1', at)
          .attr('y2', at)
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', MAP_LEFT - 10)
          .attr('y', at)
          .attr('text-anchor', 'end')
          .attr('dominant-baseline', 'middle')
          .text(t(`stage.${row}`))
      }
      // Powers of ten, skipping any that would crowd the previous label.
      let lastX = -Infinity
      for (const tick of [0, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]) {
        if (tick > x.domain()[1]! || x(tick) - lastX < 56) continue
        lastX = x(tick)
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', x(tick))
          .attr('y', HEIGHT - MARGIN.bottom + 18)
          .attr('text-anchor', 'middle')
          .text(tickMoney(tick, currency, language))
      }
      // The colour legend, inside the SVG so an exported image keeps it.
      const legend = root.append('g')
      LEGEND_GROUPS.forEach((group, index) => {
        const column = index % 4
        const row = Math.floor(index / 4)
        const item = legend
          .append('g')
          .attr('transform', `translate(${MAP_LEFT - 80 + column * 160}, ${HEIGHT + 6 + row * 22})`)
        item
          .append('circle')
          .attr('class', `rfm-fill ${rfmColour(group)}`)
          .attr('cx', 6)
          .attr('cy', 0)
          .attr('r', 6)
        item
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', 16)
          .attr('y', 0)
          .attr('dominant-baseline', 'middle')
          .text(group === 'none' ? t('rfm.noTier') : t(`rfm.groups.${group}`))
      })
      axis
        .append('text')
        .attr('class', 'chart-axis-title')
        .attr('x', (MAP_LEFT + WIDTH - MARGIN.right) / 2)
        .attr('y', HEIGHT - 8)
        .attr('text-anchor', 'middle')
        .text(t('charts.axisValue'))
      // A small deterministic vertical spread, so customers at the same stage do not overlap.
      const spread = (id: string) => {
        let hash = 0
        for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0
        return ((Math.abs(hash) % 1000) / 1000 - 0.5) * 28
      }
      const marks = root.append('g')
      for (const point of [...points].sort((a, b) => b.ties - a.ties)) {
        const circle = document.createElementNS(SVG_NS, 'circle')
        marks.node()?.appendChild(circle)
        select(circle)
          .attr('class', `chart-mark rfm-fill ${rfmColour(point.group ?? 'none')}`)
          .attr('cx', x(point.total))
          .attr('cy', (y(point.stage ?? 'none') ?? 0) + spread(point.id))
          .attr('r', radius(point.ties))
          .attr('data-id', point.id)
          .append('title')
          .text(point.name)
        const label = t('charts.point', {
          name: point.name,
          value: money(point.total, point.currency ?? currency, language),
          stage: t(`stage.${point.stage ?? 'none'}`),
        })
        markAsButton(circle, label, () => onSelect({ label: point.name, ids: [point.id] }))
      }
    },
    [points, currency, language, t, onSelect],
  )
  return <ChartSvg svgRef={svgRef} label={t('charts.valueMap')} height={MAP_HEIGHT} />
}

/* ---------- RFM grid ---------- */

function RfmGridChart({ model, onSelect, context }: ChartProps) {
  const { t, i18n } = useTranslation()
  const cells = useMemo(() => rfmGridCells(model), [model])
  const decimal = useMemo(
    () => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }),
    [i18n.language],
  )
  return (
    <ChartCard
      id="rfm-grid"
      title={t('charts.rfmGrid')}
      description={t('charts.rfmGridDescription')}
      context={context}
      table={
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('rfm.recency')}</th>
              <th scope="col">{t('rfm.frequency')}</th>
              <th scope="col">{t('charts.count')}</th>
              <th scope="col">{t('charts.averageMonetary')}</th>
            </tr>
          </thead>
          <tbody>
            {cells
              .filter((cell) => cell.ids.length > 0)
              .map((cell) => (
                <tr key={`${cell.recency}${cell.frequency}`}>
                  <td>{cell.recency}</td>
                  <td>{cell.frequency}</td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        onSelect({
                          label: t('charts.cell', {
                            r: cell.recency,
                            f: cell.frequency,
                            count: cell.ids.length,
                          }),
                          ids: cell.ids,
                        })
                      }
                    >
                      {cell.ids.length}
                    </button>
                  </td>
                  <td>{decimal.format(cell.averageMonetary)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    >
      {(svgRef) => (
        <RfmGridSvg svgRef={svgRef} cells={cells} onSelect={onSelect} t={t} decimal={decimal} />
      )}
    </ChartCard>
  )
}

function RfmGridSvg({
  svgRef,
  cells,
  onSelect,
  t,
  decimal,
}: {
  svgRef: RefObject<SVGSVGElement | null>
  cells: RfmCell[]
  onSelect: (selection: ChartSelection) => void
  t: TFunction
  decimal: Intl.NumberFormat
}) {
  useDraw(
    svgRef,
    (svg) => {
      const root = select(svg)
      const size = Math.min(
        (WIDTH - MARGIN.left - MARGIN.right) / 5,
        (HEIGHT - MARGIN.top - MARGIN.bottom) / 5,
      )
      const left = MARGIN.left + (WIDTH - MARGIN.left - MARGIN.right - size * 5) / 2
      const top = MARGIN.top
      const axis = root.append('g')
      for (let score = 1; score <= 5; score++) {
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', left + (score - 0.5) * size)
          .attr('y', top + 5 * size + 18)
          .attr('text-anchor', 'middle')
          .text(String(score))
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', left - 10)
          .attr('y', top + (5 - score + 0.5) * size)
          .attr('text-anchor', 'end')
          .attr('dominant-baseline', 'middle')
          .text(String(score))
      }
      axis
        .append('text')
        .attr('class', 'chart-axis-title')
        .attr('x', left + 2.5 * size)
        .attr('y', HEIGHT - 8)
        .attr('text-anchor', 'middle')
        .text(t('charts.axisRecency'))
      axis
        .append('text')
        .attr('class', 'chart-axis-title')
        .attr('transform', `translate(${left - 40}, ${top + 2.5 * size}) rotate(-90)`)
        .attr('text-anchor', 'middle')
        .text(t('charts.axisFrequency'))
      const marks = root.append('g')
      for (const cell of cells) {
        const group = document.createElementNS(SVG_NS, 'g')
        marks.node()?.appendChild(group)
        const g = select(group)
          .attr('class', cell.ids.length > 0 ? 'chart-mark rfm-cell' : 'rfm-cell rfm-cell-empty')
          .attr('data-r', cell.recency)
          .attr('data-f', cell.frequency)
        const x0 = left + (cell.recency - 1) * size
        const y0 = top + (5 - cell.frequency) * size
        const strong = cell.averageMonetary >= 3.5
        g.append('rect')
          .attr('class', 'rfm-cell-back')
          .attr('x', x0 + 1)
          .attr('y', y0 + 1)
          .attr('width', size - 2)
          .attr('height', size - 2)
          .attr('rx', 4)
        if (cell.ids.length > 0) {
          g.append('rect')
            .attr('class', 'rfm-cell-fill')
            .attr('x', x0 + 1)
            .attr('y', y0 + 1)
            .attr('width', size - 2)
            .attr('height', size - 2)
            .attr('rx', 4)
            .attr('fill-opacity', 0.15 + (0.85 * (cell.averageMonetary - 1)) / 4)
          g.append('text')
            .attr('class', strong ? 'rfm-cell-text rfm-cell-text-strong' : 'rfm-cell-text')
            .attr('x', x0 + size / 2)
            .attr('y', y0 + size / 2)
            .attr('text-anchor', 'middle')
            .attr('dominant-baseline', 'middle')
            .text(String(cell.ids.length))
          const label = t('charts.cellLabel', {
            r: cell.recency,
            f: cell.frequency,
            count: cell.ids.length,
            m: decimal.format(cell.averageMonetary),
          })
          g.append('title').text(label)
          markAsButton(group, label, () =>
            onSelect({
              label: t('charts.cell', {
                r: cell.recency,
                f: cell.frequency,
                count: cell.ids.length,
              }),
              ids: cell.ids,
            }),
          )
        }
      }
    },
    [cells, t, onSelect, decimal],
  )
  return <ChartSvg svgRef={svgRef} label={t('charts.rfmGrid')} />
}

/* ---------- Pareto ---------- */

function ParetoChart({ model, onSelect, context }: ChartProps) {
  const { t, i18n } = useTranslation()
  const marks = useMemo(() => paretoMarks(model), [model])
  const percent = useMemo(
    () => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
    [i18n.language],
  )
  const names = new Map(model.customers.map((customer) => [customer.id, customer.name]))
  const currency = model.summaries.get(model.tiers.ranking[0]?.id ?? '')?.value.currency
  return (
    <ChartCard
      id="pareto"
      title={t('charts.pareto')}
      description={t('charts.paretoDescription')}
      context={context}
      table={
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('charts.rank')}</th>
              <th scope="col">{t('charts.customer')}</th>
              <th scope="col">{t('charts.axisValue')}</th>
              <th scope="col">{t('charts.cumulative')}</th>
              <th scope="col">{t('rfm.tier')}</th>
            </tr>
          </thead>
          <tbody>
            {model.tiers.pareto.map((point) => (
              <tr key={point.id}>
                <td>{point.rank}</td>
                <th scope="row">
                  <a href={hashOf('customers', point.id)}>{names.get(point.id) ?? point.id}</a>
                </th>
                <td>{money(point.total, currency, i18n.language)}</td>
                <td>{percent.format(point.revenueShare)}</td>
                <td>{t(`rfm.tiers.${model.tiers.tierOf.get(point.id) ?? 'rest'}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(svgRef) => (
        <ParetoSvg
          svgRef={svgRef}
          curve={model.tiers.pareto}
          marks={marks}
          onSelect={onSelect}
          t={t}
          percent={percent}
        />
      )}
    </ChartCard>
  )
}

function ParetoSvg({
  svgRef,
  curve,
  marks,
  onSelect,
  t,
  percent,
}: {
  svgRef: RefObject<SVGSVGElement | null>
  curve: ParetoPoint[]
  marks: ParetoMark[]
  onSelect: (selection: ChartSelection) => void
  t: TFunction
  percent: Intl.NumberFormat
}) {
  useDraw(
    svgRef,
    (svg) => {
      const root = select(svg)
      const x = scaleLinear()
        .domain([0, 1])
        .range([MARGIN.left, WIDTH - MARGIN.right])
      const y = scaleLinear()
        .domain([0, 1])
        .range([HEIGHT - MARGIN.bottom, MARGIN.top])
      const axis = root.append('g')
      for (const tick of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
        axis
          .append('line')
          .attr('class', 'chart-grid')
          .attr('x1', MARGIN.left)
          .attr('x2', WIDTH - MARGIN.right)
          .attr('y1', y(tick))
          .attr('y2', y(tick))
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', MARGIN.left - 10)
          .attr('y', y(tick))
          .attr('text-anchor', 'end')
          .attr('dominant-baseline', 'middle')
          .text(percent.format(tick))
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', x(tick))
          .attr('y', HEIGHT - MARGIN.bottom + 18)
          .attr('text-anchor', 'middle')
          .text(percent.format(tick))
      }
      axis
        .append('text')
        .attr('class', 'chart-axis-title')
        .attr('x', (MARGIN.left + WIDTH - MARGIN.right) / 2)
        .attr('y', HEIGHT - 8)
        .attr('text-anchor', 'middle')
        .text(t('charts.axisCustomers'))
      axis
        .append('text')
        .attr('class', 'chart-axis-title')
        .attr(
          'transform',
          `translate(${MARGIN.left - 62}, ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`,
        )
        .attr('text-anchor', 'middle')
        .text(t('charts.axisRevenue'))
      const path = line<{ customerShare: number; revenueShare: number }>()
        .x((point) => x(point.customerShare))
        .y((point) => y(point.revenueShare))
      root
        .append('path')
        .attr('class', 'pareto-line')
        .attr('d', path([{ customerShare: 0, revenueShare: 0 }, ...curve]) ?? '')
      const layer = root.append('g')
      for (const mark of marks) {
        const group = document.createElementNS(SVG_NS, 'g')
        layer.node()?.appendChild(group)
        const g = select(group).attr('class', 'chart-mark pareto-mark').attr('data-tier', mark.tier)
        const cx = x(mark.customerShare)
        const cy = y(mark.revenueShare)
        // A transparent band over the guide, dot and label: the whole mark answers the pointer.
        g.append('rect')
          .attr('class', 'pareto-hit')
          .attr('x', cx - 12)
          .attr('y', cy - 28)
          .attr('width', 170)
          .attr('height', y(0) - cy + 28)
        g.append('line')
          .attr('class', 'pareto-guide')
          .attr('x1', cx)
          .attr('x2', cx)
          .attr('y1', y(0))
          .attr('y2', cy)
        g.append('circle').attr('class', 'pareto-dot').attr('cx', cx).attr('cy', cy).attr('r', 7)
        const tierName = t(`rfm.tiers.${mark.tier}`)
        g.append('text')
          .attr('class', 'pareto-label')
          .attr('x', cx + 12)
          .attr('y', cy + (mark.tier === 'top-5' ? -10 : 16))
          .text(t('charts.markShort', { tier: tierName, share: percent.format(mark.revenueShare) }))
        const label = t('charts.mark', {
          tier: tierName,
          count: mark.ids.length,
          share: percent.format(mark.revenueShare),
        })
        g.append('title').text(label)
        markAsButton(group, label, () => onSelect({ label: tierName, ids: mark.ids }))
      }
    },
    [curve, marks, t, onSelect, percent],
  )
  return <ChartSvg svgRef={svgRef} label={t('charts.pareto')} />
}
