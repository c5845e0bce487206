import { useTranslation } from 'react-i18next'
import type { Entity, Tie } from '../../../src/model/records'
import { ENTITY_KINDS, TIE_TYPES } from '../../../src/model/vocabulary'
import type { EntityKind } from '../../../src/model/vocabulary'
import { hashOf } from '../../app/routes'

type Group = EntityKind | 'unknown'

/**
 * The entity's ecosystem: every tie, grouped by the kind of what is at the other end, with the
 * tie's type, its direction and its strength; each other end links to its own page.
 */
export function Ecosystem({
  entityId,
  ties,
  entitiesById,
}: {
  entityId: string
  ties: readonly Tie[]
  entitiesById: ReadonlyMap<string, Entity>
}) {
  const { t } = useTranslation()
  const groups = new Map<Group, { tie: Tie; other: Entity | undefined }[]>()
  for (const tie of ties) {
    const other = entitiesById.get(tie.from === entityId ? tie.to : tie.from)
    const group: Group = other?.kind ?? 'unknown'
    groups.set(group, [...(groups.get(group) ?? []), { tie, other }])
  }
  const order: Group[] = [...ENTITY_KINDS, 'unknown']
  return (
    <section className="card" aria-labelledby="ecosystem-title" data-testid="ecosystem">
      <h2 id="ecosystem-title" className="card-title">
        {t('customer.ecosystem')}
      </h2>
      {ties.length === 0 && <p className="muted">{t('customer.ecosystemEmpty')}</p>}
      {order
        .filter((group) => groups.has(group))
        .map((group) => (
          <div key={group} className="ecosystem-group">
            <h3 className="knowledge-kind-title">{t(`customer.group.${group}`)}</h3>
            <ul className="ecosystem-list">
              {groups.get(group)!.map(({ tie, other }) => {
                const type = t(`tieType.${tie.type}`)
                const directed = TIE_TYPES[tie.type].directed
                const outgoing = tie.from === entityId
                const [label, direction] = !directed
                  ? [t('customer.mutual', { type }), t('customer.directionBoth')]
                  : outgoing
                    ? [t('customer.outgoing', { type }), t('customer.directionOut')]
                    : [t('customer.incoming', { type }), t('customer.directionIn')]
                return (
                  <li key={tie.id} className="ecosystem-item">
                    <span className="ecosystem-type" title={direction}>
                      {label}
                      <span className="visually-hidden"> ({direction})</span>
                    </span>
                    {other ? (
                      <a className="ecosystem-name" href={hashOf('customers', other.id)}>
                        {other.name}
                      </a>
                    ) : (
                      <span className="ecosystem-name muted">—</span>
                    )}
                    <span
                      className="strength"
                      role="img"
                      aria-label={t('customer.strength', { strength: tie.strength })}
                    >
                      {[1, 2, 3, 4, 5].map((step) => (
                        <span key={step} className={step <= tie.strength ? 'on' : undefined} />
                      ))}
                    </span>
                  </li>
                )
              })}
            </ul>
          </div>
        ))}
    </section>
  )
}
