/**
 * Segments over time: how many customers each group (RFM group, ladder stage or value tier) held
 * at the end of each past month or quarter, as stacked areas, and a Sankey of where the customers
 * of one period end stood at the next. Drawn with d3 as SVG like the other value charts: every
 * column segment, band and node is a keyboard-reachable button that selects its customers, and
 * each chart has a table view. The history is computed in a worker, only once this section has
 * come into view.
 */
import { scaleLinear, scalePoint } from 'd3-scale'
import { sankey, sankeyLinkHorizontal } from 'd3-sankey'
import { select } from 'd3-selection'
import { area, stack } from 'd3-shape'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import {
  HISTORY_GROUPINGS,
  HISTORY_GROUPS,
  NEWCOMERS,
  PERIOD_KINDS,
  historyFlows,
  historyMembers,
  historySizes,
  periodOf,
} from '../../src/value/segment-history'
import type {
  HistoryFlow,
  HistoryGroup,
  HistoryGrouping,
  PeriodKind,
  SegmentSnapshots,
} from '../../src/value/segment-history'
import { STAGES } from '../../src/model/vocabulary'
import { RFM_GROUPS } from '../../src/value/rfm'
import { TIERS } from '../../src/value/tiers'
import type { ActionContext } from '../actions/types'
import { useSegmentHistory } from '../hooks/useSegmentHistory'
import { ChartCard, markAsButton } from './ChartCard'
import type { ChartSelection } from './ValueCharts'
import './group-colours.css'
import './SegmentHistoryCharts.css'

const SVG_NS = 'http://www.w3.org/2000/svg'
const WIDTH = 720
const SIZES_HEIGHT = 340
const SIZES_MARGIN = { top: 16, right: 28, bottom: 36, left: 64 }
const LEGEND_ROW = 22
const LEGEND_COLUMNS = 4
const SANKEY_HEIGHT = 440
/** Room on each side of the Sankey for the group names and counts ("En train de s’endormir"). */
const SANKEY_SIDE = 200
const SANKEY_TOP = 36

type Select = (selection: ChartSelection) => void

/** The name of a group, through the catalogs. */
function groupLabel(grouping: HistoryGrouping, group: HistoryGroup, t: TFunction): string {
  if (group === 'no-purchase') return t('charts.history.noPurchase')
  if (group === 'none') return t('charts.history.noStage')
  if (grouping === 'rfm' && isOneOf(RFM_GROUPS, group)) return t(`rfm.groups.${group}`)
  if (grouping === 'stage' && isOneOf(STAGES, group)) return t(`stage.${group}`)
  if (isOneOf(TIERS, group)) return t(`rfm.tiers.${group}`)
  return group
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value)
}

/** "Nov 2026" or "Q4 2026" (French: "nov. 2026", "T4 2026"). */
function periodLabel(end: number, kind: PeriodKind, language: string, t: TFunction): string {
  const { year, quarter } = periodOf(end)
  if (kind === 'quarter') return t('charts.history.quarter', { quarter, year })
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric' }).format(end)
}

/** Groups drawn pale with a dashed edge: no purchase or no stage yet, and newcomers. */
const MUTED = new Set<string>(['no-purchase', 'none', NEWCOMERS])
/** The classes giving a group its colour (`group-colours.css`, shared with the value map). */
const colourClass = (grouping: HistoryGrouping, group: HistoryGroup | typeof NEWCOMERS) =>
  `group-${grouping}-${group}${MUTED.has(group) ? ' history-muted' : ''}`
const fillClass = (grouping: HistoryGrouping, group: HistoryGroup | typeof NEWCOMERS) =>
  `history-fill ${colourClass(grouping, group)}`

/** Turns true once the element has come near the viewport, and stays true. */
function useHasBeenSeen(ref: RefObject<HTMLElement | null>): boolean {
  // Without an observer to ask (an old engine), it is simply shown.
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const element = ref.current
    if (!element || seen) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true)
      },
      { rootMargin: '200px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, seen])
  return seen
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

export function SegmentHistoryCharts({
  onSelect,
  context,
}: {
  onSelect: Select
  context: ActionContext
}) {
  const { t, i18n } = useTranslation()
  const section = useRef<HTMLElement>(null)
  const history = useSegmentHistory(useHasBeenSeen(section))
  const [grouping, setGrouping] = useState<HistoryGrouping>('rfm')
  const [kind, setKind] = useState<PeriodKind>('quarter')
  /** Index of the Sankey's first period among `ends`; the last pair when unset. */
  const [pairStart, setPairStart] = useState<number | undefined>(undefined)
  const ends = useMemo(() => history?.periods[kind] ?? [], [history, kind])
  const labels = useMemo(
    () => ends.map((end) => periodLabel(end, kind, i18n.language, t)),
    [ends, kind, i18n.language, t],
  )
  const start =
    pairStart !== undefined && pairStart < ends.length - 1
      ? pairStart
      : Math.max(0, ends.length - 2)

  return (
    <section
      ref={section}
      className="segment-history"
      aria-labelledby="history-title"
      aria-busy={history === undefined}
      data-testid="segment-history"
    >
      <div className="history-controls">
        <h3 id="history-title" className="chart-title">
          {t('charts.history.title')}
        </h3>
        <label>
          {t('charts.history.grouping')}
          <select
            value={grouping}
            onChange={(event) =>
              setGrouping(
                HISTORY_GROUPINGS.find((option) => option === event.target.value) ?? 'rfm',
              )
            }
          >
            {HISTORY_GROUPINGS.map((option) => (
              <option key={option} value={option}>
                {t(`charts.history.groupings.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('charts.history.period')}
          <select
            value={kind}
            onChange={(event) => {
              setKind(PERIOD_KINDS.find((option) => option === event.target.value) ?? 'quarter')
              setPairStart(undefined)
            }}
          >
            {PERIOD_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`charts.history.periods.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {ends.length > 1 && (
          <label>
            {t('charts.history.pair')}
            <select value={start} onChange={(event) => setPairStart(Number(event.target.value))}>
              {ends.slice(1).map((end, index) => (
                <option key={end} value={index}>
                  {t('charts.history.pairOption', { from: labels[index]!, to: labels[index + 1]! })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {history === undefined ? (
        <p className="muted history-loading">{t('charts.history.loading')}</p>
      ) : (
        <>
          <SizesChart
            snapshots={history.snapshots}
            grouping={grouping}
            ends={ends}
            labels={labels}
            onSelect={onSelect}
            context={context}
          />
          {ends.length > 1 ? (
            <FlowChart
              snapshots={history.snapshots}
              grouping={grouping}
              fromEnd={ends[start]!}
              toEnd={ends[start + 1]!}
              fromLabel={labels[start]!}
              toLabel={labels[start + 1]!}
              onSelect={onSelect}
              context={context}
            />
          ) : (
            <p className="muted">{t('charts.history.onePeriod')}</p>
          )}
        </>
      )}
    </section>
  )
}

interface SizesProps {
  snapshots: SegmentSnapshots
  grouping: HistoryGrouping
  ends: number[]
  labels: string[]
  onSelect: Select
  context: ActionContext
}

/* ---------- sizes over time ---------- */

function SizesChart({ snapshots, grouping, ends, labels, onSelect, context }: SizesProps) {
  const { t, i18n } = useTranslation()
  const groups: readonly HistoryGroup[] = HISTORY_GROUPS[grouping]
  const sizes = useMemo(() => historySizes(snapshots, grouping, ends), [snapshots, grouping, ends])
  const choose = useCallback(
    (period: number, group: HistoryGroup) =>
      onSelect({
        label: t('charts.history.selection', {
          group: groupLabel(grouping, group, t),
          period: labels[period]!,
        }),
        ids: historyMembers(snapshots, grouping, ends[period]!, group),
      }),
    [onSelect, t, grouping, labels, snapshots, ends],
  )
  return (
    <ChartCard
      id="segment-sizes"
      title={t('charts.history.sizes')}
      description={t('charts.history.sizesDescription')}
      context={context}
      table={() => (
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('charts.history.group')}</th>
              {labels.map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((group, index) => (
              <tr key={group}>
                <th scope="row">{groupLabel(grouping, group, t)}</th>
                {sizes.map((row, period) => (
                  <td key={ends[period]}>
                    {row[index]! > 0 ? (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('charts.history.column', {
                          group: groupLabel(grouping, group, t),
                          period: labels[period]!,
                          count: row[index]!,
                        })}
                        onClick={() => choose(period, group)}
                      >
                        {row[index]}
                      </button>
                    ) : (
                      0
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      {(svgRef) => (
        <SizesSvg
          svgRef={svgRef}
          grouping={grouping}
          sizes={sizes}
          labels={labels}
          choose={choose}
          t={t}
          language={i18n.language}
        />
      )}
    </ChartCard>
  )
}

function SizesSvg({
  svgRef,
  grouping,
  sizes,
  labels,
  choose,
  t,
  language,
}: {
  svgRef: RefObject<SVGSVGElement | null>
  grouping: HistoryGrouping
  sizes: number[][]
  labels: string[]
  choose: (period: number, group: HistoryGroup) => void
  t: TFunction
  language: string
}) {
  const groups: readonly HistoryGroup[] = HISTORY_GROUPS[grouping]
  const legendRows = Math.ceil(groups.length / LEGEND_COLUMNS)
  const height = SIZES_HEIGHT + 12 + legendRows * LEGEND_ROW
  useDraw(
    svgRef,
    (svg) => {
      const root = select(svg)
      const number = new Intl.NumberFormat(language)
      const left = SIZES_MARGIN.left
      const right = WIDTH - SIZES_MARGIN.right
      const bottom = SIZES_HEIGHT - SIZES_MARGIN.bottom
      const x = scalePoint<number>()
        .domain(sizes.map((_, period) => period))
        .range([left, right])
      const total = Math.max(1, ...sizes.map((row) => row.reduce((a, b) => a + b, 0)))
      const y = scaleLinear().domain([0, total]).range([bottom, SIZES_MARGIN.top]).nice()
      const axis = root.append('g')
      for (const tick of y.ticks(5).filter(Number.isInteger)) {
        axis
          .append('line')
          .attr('class', 'chart-grid')
          .attr('x1', left)
          .attr('x2', right)
          .attr('y1', y(tick))
          .attr('y2', y(tick))
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', left - 8)
          .attr('y', y(tick))
          .attr('text-anchor', 'end')
          .attr('dominant-baseline', 'middle')
          .text(number.format(tick))
      }
      // Every period's name when they fit, else every other one (a year of months).
      const every = labels.length > 8 ? 2 : 1
      labels.forEach((label, period) => {
        if ((labels.length - 1 - period) % every !== 0) return
        axis
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', x(period) ?? 0)
          .attr('y', bottom + 18)
          .attr(
            'text-anchor',
            period === 0 ? 'start' : period === labels.length - 1 ? 'end' : 'middle',
          )
          .text(label)
      })
      axis
        .append('text')
        .attr('class', 'chart-axis-title')
        .attr('transform', `translate(16, ${(SIZES_MARGIN.top + bottom) / 2}) rotate(-90)`)
        .attr('text-anchor', 'middle')
        .text(t('charts.history.axisCustomers'))

      const layers = stack<number[], number>()
        .keys(groups.map((_, index) => index))
        .value((row, index) => row[index] ?? 0)(sizes)
      const shape = area<[number, number]>()
        .x((_, period) => x(period) ?? 0)
        .y0((point) => y(point[0]))
        .y1((point) => y(point[1]))
      const areas = root.append('g').attr('aria-hidden', 'true')
      layers.forEach((layer, index) => {
        areas
          .append('path')
          .attr('class', `${fillClass(grouping, groups[index]!)} history-area`)
          .attr('d', shape(layer.map((point) => [point[0], point[1]])) ?? '')
      })
      // A thin column at each period end: each group's part of it selects its customers.
      const columns = root.append('g')
      const barWidth = 10
      sizes.forEach((row, period) => {
        const at = x(period) ?? 0
        const x0 = Math.min(Math.max(at - barWidth / 2, left), right - barWidth)
        layers.forEach((layer, index) => {
          const count = row[index] ?? 0
          if (count === 0) return
          const group = groups[index]!
          const [low, high] = layer[period]!
          const rect = document.createElementNS(SVG_NS, 'rect')
          columns.node()?.appendChild(rect)
          const label = t('charts.history.column', {
            group: groupLabel(grouping, group, t),
            period: labels[period]!,
            count,
          })
          select(rect)
            .attr('class', `chart-mark history-column ${fillClass(grouping, group)}`)
            .attr('x', x0)
            .attr('y', y(high))
            .attr('width', barWidth)
            .attr('height', Math.max(1, y(low) - y(high)))
            .attr('data-group', group)
            .attr('data-period', period)
            .append('title')
            .text(label)
          markAsButton(rect, label, () => choose(period, group))
        })
      })
      // The legend, inside the SVG so an exported image keeps it.
      const legend = root.append('g')
      const columnWidth = (WIDTH - 2 * 24) / LEGEND_COLUMNS
      groups.forEach((group, index) => {
        const item = legend
          .append('g')
          .attr(
            'transform',
            `translate(${24 + (index % LEGEND_COLUMNS) * columnWidth}, ${SIZES_HEIGHT + 12 + Math.floor(index / LEGEND_COLUMNS) * LEGEND_ROW})`,
          )
        item
          .append('rect')
          .attr('class', fillClass(grouping, group))
          .attr('x', 0)
          .attr('y', -6)
          .attr('width', 12)
          .attr('height', 12)
          .attr('rx', 2)
        item
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', 18)
          .attr('y', 0)
          .attr('dominant-baseline', 'middle')
          .text(groupLabel(grouping, group, t))
      })
    },
    [grouping, sizes, labels, t, choose, language],
  )
  return (
    <svg
      ref={svgRef}
      className="chart-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="group"
      aria-label={t('charts.history.sizes')}
    />
  )
}

/* ---------- flow between two period ends (Sankey) ---------- */

interface FlowProps {
  snapshots: SegmentSnapshots
  grouping: HistoryGrouping
  fromEnd: number
  toEnd: number
  fromLabel: string
  toLabel: string
  onSelect: Select
  context: ActionContext
}

function FlowChart({
  snapshots,
  grouping,
  fromEnd,
  toEnd,
  fromLabel,
  toLabel,
  onSelect,
  context,
}: FlowProps) {
  const { t, i18n } = useTranslation()
  const flows = useMemo(
    () => historyFlows(snapshots, grouping, fromEnd, toEnd),
    [snapshots, grouping, fromEnd, toEnd],
  )
  const percent = useMemo(
    () => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
    [i18n.language],
  )
  const name = useCallback(
    (group: HistoryGroup | typeof NEWCOMERS) =>
      group === NEWCOMERS ? t('charts.history.newcomers') : groupLabel(grouping, group, t),
    [t, grouping],
  )
  const outOf = new Map<string, number>()
  for (const flow of flows) outOf.set(flow.from, (outOf.get(flow.from) ?? 0) + flow.ids.length)
  const chooseFlow = useCallback(
    (flow: HistoryFlow) =>
      onSelect({
        label: t('charts.history.flowSelection', {
          from: name(flow.from),
          fromPeriod: fromLabel,
          to: name(flow.to),
          toPeriod: toLabel,
        }),
        ids: flow.ids,
      }),
    [onSelect, t, name, fromLabel, toLabel],
  )
  const chooseNode = useCallback(
    (side: 'from' | 'to', group: HistoryGroup | typeof NEWCOMERS) =>
      onSelect({
        label: t('charts.history.selection', {
          group: name(group),
          period: side === 'from' && group !== NEWCOMERS ? fromLabel : toLabel,
        }),
        ids: flows.filter((flow) => flow[side] === group).flatMap((flow) => flow.ids),
      }),
    [onSelect, t, name, flows, fromLabel, toLabel],
  )
  return (
    <ChartCard
      id="segment-flows"
      title={t('charts.history.flows')}
      description={t('charts.history.flowsDescription', { from: fromLabel, to: toLabel })}
      context={context}
      table={() => (
        <table className="chart-table">
          <thead>
            <tr>
              <th scope="col">{t('charts.history.from', { period: fromLabel })}</th>
              <th scope="col">{t('charts.history.to', { period: toLabel })}</th>
              <th scope="col">{t('charts.history.customers')}</th>
              <th scope="col">{t('charts.history.share')}</th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={`${flow.from}>${flow.to}`}>
                <th scope="row">{name(flow.from)}</th>
                <td>{name(flow.to)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('charts.history.link', {
                      from: name(flow.from),
                      to: name(flow.to),
                      count: flow.ids.length,
                    })}
                    onClick={() => chooseFlow(flow)}
                  >
                    {flow.ids.length}
                  </button>
                </td>
                <td>{percent.format(flow.ids.length / (outOf.get(flow.from) ?? 1))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    >
      {(svgRef) => (
        <FlowSvg
          svgRef={svgRef}
          grouping={grouping}
          flows={flows}
          fromLabel={fromLabel}
          toLabel={toLabel}
          name={name}
          chooseFlow={chooseFlow}
          chooseNode={chooseNode}
          t={t}
          language={i18n.language}
        />
      )}
    </ChartCard>
  )
}

interface FlowNode {
  id: string
  side: 'from' | 'to'
  group: HistoryGroup | typeof NEWCOMERS
  order: number
}
interface FlowLink {
  flow: HistoryFlow
}

function FlowSvg({
  svgRef,
  grouping,
  flows,
  fromLabel,
  toLabel,
  name,
  chooseFlow,
  chooseNode,
  t,
  language,
}: {
  svgRef: RefObject<SVGSVGElement | null>
  grouping: HistoryGrouping
  flows: HistoryFlow[]
  fromLabel: string
  toLabel: string
  name: (group: HistoryGroup | typeof NEWCOMERS) => string
  chooseFlow: (flow: HistoryFlow) => void
  chooseNode: (side: 'from' | 'to', group: HistoryGroup | typeof NEWCOMERS) => void
  t: TFunction
  language: string
}) {
  useDraw(
    svgRef,
    (svg) => {
      const root = select(svg)
      const number = new Intl.NumberFormat(language)
      const order: readonly string[] = [NEWCOMERS, ...HISTORY_GROUPS[grouping]]
      const nodes = new Map<string, FlowNode>()
      const node = (side: 'from' | 'to', group: HistoryGroup | typeof NEWCOMERS) => {
        const id = `${side}:${group}`
        if (!nodes.has(id)) nodes.set(id, { id, side, group, order: order.indexOf(group) })
        return id
      }
      const links = flows.map((flow) => ({
        source: node('from', flow.from),
        target: node('to', flow.to),
        value: flow.ids.length,
        flow,
      }))
      if (links.length === 0) {
        root
          .append('text')
          .attr('class', 'chart-label')
          .attr('x', WIDTH / 2)
          .attr('y', SANKEY_HEIGHT / 2)
          .attr('text-anchor', 'middle')
          .text(t('charts.history.noFlow', { to: toLabel }))
        return
      }
      const layout = sankey<FlowNode, FlowLink>()
        .nodeId((item) => item.id)
        .nodeWidth(14)
        .nodePadding(10)
        .nodeSort((a, b) => a.order - b.order)
        .extent([
          [SANKEY_SIDE, SANKEY_TOP],
          [WIDTH - SANKEY_SIDE, SANKEY_HEIGHT - 12],
        ])
      const graph = layout({ nodes: [...nodes.values()].map((item) => ({ ...item })), links })

      const headers = root.append('g')
      for (const [side, label] of [
        ['from', fromLabel],
        ['to', toLabel],
      ] as const) {
        headers
          .append('text')
          .attr('class', 'chart-axis-title')
          .attr('x', side === 'from' ? SANKEY_SIDE + 7 : WIDTH - SANKEY_SIDE - 7)
          .attr('y', 16)
          .attr('text-anchor', 'middle')
          .text(label)
      }

      const bands = root.append('g').attr('class', 'history-links')
      const path = sankeyLinkHorizontal<FlowNode, FlowLink>()
      for (const link of graph.links) {
        const element = document.createElementNS(SVG_NS, 'path')
        bands.node()?.appendChild(element)
        const { flow } = link
        const label = t('charts.history.link', {
          from: name(flow.from),
          to: name(flow.to),
          count: flow.ids.length,
        })
        select(element)
          .attr('class', `chart-mark history-link group-${grouping}-${flow.from}`)
          .attr('d', path(link) ?? '')
          .attr('stroke-width', Math.max(1.5, link.width ?? 1))
          .attr('data-from', flow.from)
          .attr('data-to', flow.to)
          .append('title')
          .text(label)
        markAsButton(element, label, () => chooseFlow(flow))
      }

      const marks = root.append('g')
      for (const item of graph.nodes) {
        const x0 = item.x0 ?? 0
        const x1 = item.x1 ?? 0
        const y0 = item.y0 ?? 0
        const y1 = item.y1 ?? 0
        const group = document.createElementNS(SVG_NS, 'g')
        marks.node()?.appendChild(group)
        const label = t('charts.history.column', {
          group: name(item.group),
          period: item.side === 'from' && item.group !== NEWCOMERS ? fromLabel : toLabel,
          count: item.value ?? 0,
        })
        const g = select(group)
          .attr('class', 'chart-mark history-node')
          .attr('data-side', item.side)
          .attr('data-group', item.group)
        g.append('rect')
          .attr('class', fillClass(grouping, item.group))
          .attr('x', x0)
          .attr('y', y0)
          .attr('width', x1 - x0)
          .attr('height', Math.max(1, y1 - y0))
        g.append('text')
          .attr('class', 'history-node-label')
          .attr('x', item.side === 'from' ? x0 - 6 : x1 + 6)
          .attr('y', (y0 + y1) / 2)
          .attr('text-anchor', item.side === 'from' ? 'end' : 'start')
          .attr('dominant-baseline', 'middle')
          .text(`${name(item.group)} · ${number.format(item.value ?? 0)}`)
        g.append('title').text(label)
        markAsButton(group, label, () => chooseNode(item.side, item.group))
      }
    },
    [grouping, flows, fromLabel, toLabel, t, name, chooseFlow, chooseNode, language],
  )
  return (
    <svg
      ref={svgRef}
      className="chart-svg"
      viewBox={`0 0 ${WIDTH} ${SANKEY_HEIGHT}`}
      role="group"
      aria-label={t('charts.history.flows')}
    />
  )
}
