/**
 * Ambassadors and sceptics side by side: influential people who speak well of you and those who
 * do not, with their latest notes.
 */
import { useTranslation } from 'react-i18next'
import type { Voice, Voices } from '../../../src/insights/voices'
import type { ActionContext } from '../../actions/types'
import { EntityLink, NotesBehind, PowerBar } from './InsightParts'
import type { EntityRef } from './InsightParts'

export function VoicesSection({
  voices,
  lookup,
  context,
}: {
  voices: Voices
  lookup: ReadonlyMap<string, EntityRef>
  context: ActionContext
}) {
  const { t } = useTranslation()
  return (
    <section className="card insight-card" aria-labelledby="voices-title">
      <h2 id="voices-title" className="card-title">
        {t('insights.voices.title')}
      </h2>
      <p className="card-intro">
        {voices.minPower === null
          ? t('insights.voices.noPower')
          : t('insights.voices.explain', { power: Math.round(voices.minPower) })}
      </p>
      <div className="insight-columns">
        <VoiceList
          title={t('insights.voices.ambassadors')}
          empty={t('insights.voices.noAmbassadors')}
          voices={voices.ambassadors}
          lookup={lookup}
          context={context}
          testId="ambassadors"
        />
        <VoiceList
          title={t('insights.voices.sceptics')}
          empty={t('insights.voices.noSceptics')}
          voices={voices.sceptics}
          lookup={lookup}
          context={context}
          testId="sceptics"
        />
      </div>
    </section>
  )
}

function VoiceList({
  title,
  empty,
  voices,
  lookup,
  context,
  testId,
}: {
  title: string
  empty: string
  voices: readonly Voice[]
  lookup: ReadonlyMap<string, EntityRef>
  context: ActionContext
  testId: string
}) {
  const { t, i18n } = useTranslation()
  const signed = new Intl.NumberFormat(i18n.language, {
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  })
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className="insight-subtitle">{title}</h3>
      {voices.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="insight-list">
          {voices.map((voice, index) => (
            <li key={voice.id} data-testid="voice">
              <div className="insight-item-body">
                <div className="insight-item-head">
                  <EntityLink id={voice.id} lookup={lookup} />
                  <PowerBar power={voice.power} />
                  <span className="muted">
                    {t('insights.voices.sentiment', { value: signed.format(voice.sentiment) })}
                  </span>
                </div>
                {voice.latestNoteIds.length > 0 && (
                  // The strongest voices show their notes at once; the others on demand.
                  <details className="insight-details" open={index < 3}>
                    <summary>
                      {t('insights.voices.latestNotes', { count: voice.latestNoteIds.length })}
                    </summary>
                    <NotesBehind
                      isTitleHidden
                      ids={voice.latestNoteIds}
                      context={context}
                      title={t('insights.voices.notesOf', {
                        name: lookup.get(voice.id)?.name ?? '',
                      })}
                    />
                  </details>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
