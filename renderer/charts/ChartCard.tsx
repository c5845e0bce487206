/** The frame of one chart: title, description, a table view (its text alternative) and exports. */
import { useRef, useState } from 'react'
import type { ReactNode, RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActionContext } from '../actions/types'
import { describeError } from '../actions/errors'
import { exportChart } from './chart-export'
import { addSlideToDeck } from '../actions/deck-actions'
import { chartSlide } from '../views/Decks/slide-drafts'

export function ChartCard({
  id,
  title,
  description,
  context,
  table,
  children,
}: {
  id: string
  title: string
  description: string
  context: ActionContext
  /** The chart's data as a table: made only when shown (a row per customer on some charts). */
  table: () => ReactNode
  children: (svgRef: RefObject<SVGSVGElement | null>) => ReactNode
}) {
  const { t } = useTranslation()
  const svgRef = useRef<SVGSVGElement>(null)
  const [showTable, setShowTable] = useState(false)
  const save = async (format: 'svg' | 'png') => {
    const svg = svgRef.current
    if (!svg) return
    try {
      const result = await exportChart(
        svg,
        id,
        format,
        t(format === 'svg' ? 'charts.svgFileType' : 'charts.pngFileType'),
      )
      if (result.status === 'saved')
        context.app.toast(t('segments.exported', { name: result.name }))
      else if (result.status === 'failed') {
        context.app.toast(t('segments.exportFailed', { reason: result.reason }), { tone: 'error' })
      }
    } catch (error) {
      context.app.toast(describeError(error, t), { tone: 'error' })
    }
  }
  return (
    <section
      className="card chart-card"
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
    >
      <div className="chart-header">
        <h3 id={`${id}-title`} className="chart-title">
          {title}
        </h3>
        <div className="card-actions">
          <button type="button" aria-pressed={showTable} onClick={() => setShowTable(!showTable)}>
            {showTable ? t('charts.showChart') : t('charts.showTable')}
          </button>
          <button
            type="button"
            onClick={() => {
              if (svgRef.current)
                void addSlideToDeck(context, chartSlide(id, title, svgRef.current)).catch(
                  (error: unknown) => context.app.toast(describeError(error, t), { tone: 'error' }),
                )
            }}
          >
            {t('deck.addToDeck')}
          </button>
          <button type="button" onClick={() => void save('svg')}>
            {t('charts.exportSvg')}
          </button>
          <button type="button" onClick={() => void save('png')}>
            {t('charts.exportPng')}
          </button>
        </div>
      </div>
      <p className="muted chart-description">{description}</p>
      <div hidden={showTable}>{children(svgRef)}</div>
      {showTable && <div className="chart-table-wrap">{table()}</div>}
    </section>
  )
}

/** Makes an SVG mark act as a button: focusable, named, Enter and Space activate it. */
export function markAsButton(element: SVGElement, label: string, activate: () => void): void {
  element.setAttribute('role', 'button')
  element.setAttribute('tabindex', '0')
  element.setAttribute('aria-label', label)
  element.addEventListener('click', activate)
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      activate()
    }
  })
}
