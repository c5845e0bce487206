/**
 * The attention list: customers who matter and have been quiet for longer than is usual for
 * them, and the follow-ups still open, overdue first.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Attention } from '../../../src/insights/attention'
import type { ActionContext } from '../../actions/types'
import { hashOf } from '../../app/routes'
import { EntityLink, EntityLinks, NotesBehind, Reasons } from './InsightParts'
import type { EntityRef } from './InsightParts'

export function AttentionSection({
  attention,
  lookup,
  context,
}: {
  attention: Attention
  lookup: ReadonlyMap<string, EntityRef>
  context: ActionContext
}) {
  const { t, i18n } = useTranslation()
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' })
  const [open, setOpen] = useState<string | null>(null)
  const overdue = attention.followUps.filter((one) => one.isOverdue)
  return (
    <>
      <section className="card insight-card" aria-labelledby="quiet-title">
        <h2 id="quiet-title" className="card-title">
          {t('insights.attention.quietTitle')}
        </h2>
        <p className="card-intro">{t('insights.attention.explain')}</p>
        {attention.customers.length === 0 ? (
          <p className="muted">{t('insights.attention.noQuiet')}</p>
        ) : (
          <div className="insight-table-wrap">
            <table className="insight-table" data-testid="quiet-customers">
              <thead>
                <tr>
                  <th scope="col">{t('insights.name')}</th>
                  <th scope="col">{t('insights.attention.why')}</th>
                  <th scope="col">{t('insights.attention.lastContact')}</th>
                  <th scope="col" className="numeric">
                    {t('insights.attention.silent')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('insights.attention.usual')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {attention.customers.map((customer) => (
                  <tr key={customer.id} data-testid="quiet-customer">
                    <td>
                      <EntityLink id={customer.id} lookup={lookup} />
                    </td>
                    <td>
                      <Reasons reasons={customer.importance.reasons} />
                    </td>
                    <td>{date.format(customer.lastContactAt)}</td>
                    <td className="numeric">
                      {t('insights.attention.days', {
                        count: Math.round(customer.silentDays),
                      })}
                    </td>
                    <td className="numeric">
                      {t(`insights.attention.usualFrom.${customer.gapSource}`, {
                        count: Math.round(customer.usualGapDays),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card insight-card" aria-labelledby="loops-title">
        <h2 id="loops-title" className="card-title">
          {t('insights.attention.loopsTitle')}
        </h2>
        {attention.followUps.length === 0 ? (
          <p className="muted">{t('insights.attention.noLoops')}</p>
        ) : (
          <>
            <p className="card-intro">
              {t('insights.attention.loopsSummary', {
                count: attention.followUps.length,
                overdue: overdue.length,
              })}{' '}
              <a href={hashOf('follow-ups')}>{t('insights.attention.openFollowUps')}</a>
            </p>
            <ul className="insight-list insight-list-compact" data-testid="open-loops">
              {attention.followUps.slice(0, 12).map((loop) => (
                <li key={loop.noteId}>
                  <span className={loop.isOverdue ? 'insight-overdue' : 'muted'}>
                    {t(loop.isOverdue ? 'insights.attention.wasDue' : 'insights.attention.due', {
                      date: date.format(loop.due),
                    })}
                  </span>
                  <button
                    type="button"
                    className="insight-pick"
                    aria-expanded={open === loop.noteId}
                    onClick={() => setOpen(open === loop.noteId ? null : loop.noteId)}
                  >
                    {t(`noteKind.${loop.kind}`)}
                  </button>
                  <EntityLinks ids={loop.about} lookup={lookup} limit={3} />
                  {open === loop.noteId && (
                    <div className="insight-loop-note">
                      <NotesBehind
                        isTitleHidden
                        ids={[loop.noteId]}
                        context={context}
                        title={t(`noteKind.${loop.kind}`)}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  )
}
