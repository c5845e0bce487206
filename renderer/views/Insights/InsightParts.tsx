/**
 * Small pieces the insights screens share: a link to an entity's page, a power bar, a list of
 * entity links, and the notes behind a figure.
 */
import { line } from 'd3-shape'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../../src/model/records'
import { hashOf } from '../../app/routes'
import { useEntityDirectory, useNotesByIds } from '../../hooks/useJournal'
import type { ActionContext } from '../../actions/types'
import { NoteList } from '../Journal/NoteList'

export type EntityRef = Pick<Entity, 'id' | 'name' | 'kind'>

/** Id → name and kind of every entity, kept live. */
export function useEntityLookup(): ReadonlyMap<string, EntityRef> | undefined {
  const directory = useEntityDirectory()
  return useMemo(
    () => directory && new Map(directory.map((entity) => [entity.id, entity])),
    [directory],
  )
}

export function EntityLink({ id, lookup }: { id: string; lookup: ReadonlyMap<string, EntityRef> }) {
  const { t } = useTranslation()
  const entity = lookup.get(id)
  return (
    <a href={hashOf('customers', id)} className="insight-entity" data-testid="insight-entity">
      {entity?.name ?? t('insights.unknownEntity')}
    </a>
  )
}

/** Names of entities, each a link, separated by commas; the rest counted. */
export function EntityLinks({
  ids,
  lookup,
  limit = 6,
  total = ids.length,
}: {
  ids: readonly string[]
  lookup: ReadonlyMap<string, EntityRef>
  limit?: number
  /** How many there are in all, when `ids` holds only the first few. */
  total?: number
}) {
  const { t } = useTranslation()
  const shown = ids.slice(0, limit)
  return (
    <span className="insight-entities">
      {shown.map((id, index) => (
        <span key={id}>
          {index > 0 && ', '}
          <EntityLink id={id} lookup={lookup} />
        </span>
      ))}
      {total > shown.length && (
        <span className="muted"> {t('insights.andMore', { count: total - shown.length })}</span>
      )}
    </span>
  )
}

/** Social power 0–100 as a number and a bar. */
export function PowerBar({ power }: { power: number }) {
  const { t } = useTranslation()
  const rounded = Math.round(power)
  return (
    <span className="power" title={t('insights.powerTitle', { power: rounded })}>
      <span className="power-track" aria-hidden="true">
        <span className="power-fill" style={{ width: `${String(rounded)}%` }} />
      </span>
      <span className="power-value">{rounded}</span>
    </span>
  )
}

/** The notes behind a figure, newest first. */
export function NotesBehind({
  ids,
  context,
  title,
  isTitleHidden = false,
}: {
  ids: readonly string[]
  context: ActionContext
  title: string
  /** When what surrounds it already says whose notes these are. */
  isTitleHidden?: boolean
}) {
  const { t } = useTranslation()
  const notes = useNotesByIds(ids)
  return (
    <section className="insight-notes" aria-label={title} data-testid="insight-notes">
      <h3 className={isTitleHidden ? 'visually-hidden' : 'card-title'}>{title}</h3>
      {notes === undefined ? null : notes.length === 0 ? (
        <p className="muted">{t('insights.noNotes')}</p>
      ) : (
        <NoteList notes={notes} onEntity={(id) => context.navigate('customers', id)} />
      )}
    </section>
  )
}

/** A small line of counts over time (weeks, months), oldest first; described in words. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const width = 96
  const height = 22
  const max = Math.max(1, ...values)
  const step = values.length > 1 ? width / (values.length - 1) : width
  const path = line<number>()
    .x((_, index) => index * step)
    .y((value) => height - 2 - (Math.max(0, value) / max) * (height - 4))(values)
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <path d={path ?? ''} />
    </svg>
  )
}

/** Why a customer matters, in words. */
export function Reasons({ reasons }: { reasons: readonly ('top-5' | 'top-20' | 'influential')[] }) {
  const { t } = useTranslation()
  // Top 5% implies top 20%: say the stronger only.
  const shown = reasons.includes('top-5') ? reasons.filter((one) => one !== 'top-20') : reasons
  return (
    <>
      {shown
        .map((reason) =>
          reason === 'influential' ? t('insights.influential') : t(`rfm.tiers.${reason}`),
        )
        .join(' · ')}
    </>
  )
}
