/**
 * Themes and weak signals: the tags and recurring words of the notes, week by week, and the ones
 * taking a growing share of what customers say. A theme opens the notes behind it.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Theme, Themes } from '../../../src/insights/themes'
import type { ActionContext } from '../../actions/types'
import { NotesBehind, Sparkline } from './InsightParts'

export function themeLabel(theme: Pick<Theme, 'kind' | 'label'>): string {
  return theme.kind === 'tag' ? `#${theme.label}` : theme.label
}

export function ThemesSection({
  themes,
  context,
  initial,
}: {
  themes: Themes
  context: ActionContext
  /** A theme to open at once (from the home screen). */
  initial?: string
}) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState<string | null>(initial ?? null)
  const lift = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 })
  const row = (theme: Theme, showLift: boolean) => (
    <li key={theme.id} data-testid={showLift ? 'weak-signal' : 'theme'}>
      <div className="insight-item-body">
        <div className="theme-row">
          <button
            type="button"
            className="insight-pick"
            aria-pressed={open === theme.id}
            onClick={() => setOpen(open === theme.id ? null : theme.id)}
          >
            {themeLabel(theme)}
          </button>
          <span className="muted">
            {t('insights.themes.notes', { count: theme.noteIds.length })}
          </span>
          <span className="trend-up">
            {showLift ? t('insights.themes.lift', { lift: lift.format(theme.lift) }) : ''}
          </span>
          <Sparkline
            values={theme.weekly}
            label={t('insights.themes.weeklyLabel', { values: theme.weekly.join(', ') })}
          />
        </div>
        {showLift && (
          <span className="muted insight-detail">
            {t('insights.themes.recentVsBefore', {
              recent: theme.recent,
              weeks: themes.recentWeeks,
              baseline: theme.baseline,
            })}
          </span>
        )}
        {open === theme.id && (
          <NotesBehind
            ids={theme.noteIds.slice(0, 20)}
            context={context}
            title={t('insights.themes.notesOf', {
              theme: themeLabel(theme),
              count: theme.noteIds.length,
            })}
          />
        )}
      </div>
    </li>
  )
  return (
    <section className="card insight-card" aria-labelledby="themes-title">
      <h2 id="themes-title" className="card-title">
        {t('insights.themes.title')}
      </h2>
      <p className="card-intro">{t('insights.themes.explain', { weeks: themes.recentWeeks })}</p>
      <div className="insight-columns">
        <section aria-labelledby="weak-signals-title" data-testid="weak-signals">
          <h3 id="weak-signals-title" className="insight-subtitle">
            {t('insights.themes.rising')}
          </h3>
          {themes.rising.length === 0 ? (
            <p className="muted">{t('insights.themes.noRising')}</p>
          ) : (
            <ol className="insight-list">{themes.rising.map((theme) => row(theme, true))}</ol>
          )}
        </section>
        <section aria-labelledby="all-themes-title" data-testid="themes">
          <h3 id="all-themes-title" className="insight-subtitle">
            {t('insights.themes.frequent')}
          </h3>
          {themes.themes.length === 0 ? (
            <p className="muted">{t('insights.themes.empty')}</p>
          ) : (
            <ol className="insight-list insight-list-compact">
              {themes.themes.slice(0, 30).map((theme) => row(theme, false))}
            </ol>
          )}
        </section>
      </div>
    </section>
  )
}
