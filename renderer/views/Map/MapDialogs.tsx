import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../../src/model/records'
import {
  ENTITY_KINDS,
  TIE_FAMILIES,
  TIE_TYPES,
  TIE_TYPE_NAMES,
} from '../../../src/model/vocabulary'
import type { EntityKind, TieType } from '../../../src/model/vocabulary'

/** Opens a native <dialog> as a modal: it traps focus, and Escape cancels it. */
function useModal() {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])
  return ref
}

export function AddEntityDialog({
  onCreate,
  onCancel,
}: {
  onCreate: (input: { kind: EntityKind; name: string }) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const modal = useModal()
  const [kind, setKind] = useState<EntityKind>('customer')
  const [name, setName] = useState('')
  return (
    <dialog
      ref={modal}
      className="dialog map-dialog"
      aria-labelledby="map-add-title"
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (name.trim()) onCreate({ kind, name: name.trim() })
        }}
      >
        <h2 id="map-add-title">{t('map.addEntityTitle')}</h2>
        <label className="dialog-field map-field">
          <span>{t('map.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as EntityKind)}>
            {ENTITY_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`entityKind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="dialog-field map-field">
          <span>{t('map.name')}</span>
          <input
            autoFocus
            value={name}
            maxLength={500}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t('map.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={!name.trim()}>
            {t('map.create')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

export function TieDialog({
  from,
  to,
  entities,
  onCreate,
  onCancel,
}: {
  from: Entity
  to: Entity | null
  /** The entries it may be tied to (when `to` is not chosen yet). */
  entities: readonly Entity[]
  onCreate: (input: { to: string; type: TieType; strength: number }) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const modal = useModal()
  const [target, setTarget] = useState(to?.id ?? '')
  const [type, setType] = useState<TieType>(guessType(from.kind, to?.kind))
  const [strength, setStrength] = useState(3)
  const others = entities
    .filter((entity) => entity.id !== from.id)
    .sort((a, b) => a.name.localeCompare(b.name))
  return (
    <dialog
      ref={modal}
      className="dialog map-dialog"
      aria-labelledby="map-tie-title"
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (target) onCreate({ to: target, type, strength })
        }}
      >
        <h2 id="map-tie-title">{t('map.tieTitle')}</h2>
        <p className="map-tie-ends">
          <strong>{from.name}</strong>
          {to && (
            <>
              {' '}
              {TIE_TYPES[type].directed ? '→' : '—'} <strong>{to.name}</strong>
            </>
          )}
        </p>
        {!to && (
          <label className="dialog-field map-field">
            <span>{t('map.tieTo')}</span>
            <select value={target} onChange={(event) => setTarget(event.target.value)} autoFocus>
              <option value="" disabled>
                {t('map.tieChooseTarget')}
              </option>
              {others.map((entity) => (
                <option key={entity.id} value={entity.id}>
                  {entity.name} ({t(`entityKind.${entity.kind}`)})
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="dialog-field map-field">
          <span>{t('map.tieType')}</span>
          <select
            value={type}
            onChange={(event) => setType(event.target.value as TieType)}
            autoFocus={!!to}
          >
            {TIE_FAMILIES.map((family) => (
              <optgroup key={family} label={t(`map.family.${family}`)}>
                {TIE_TYPE_NAMES.filter((name) => TIE_TYPES[name].family === family).map((name) => (
                  <option key={name} value={name}>
                    {t(`tieType.${name}`)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="dialog-field map-field">
          <span>{t('map.tieStrength')}</span>
          <input
            type="range"
            min={1}
            max={5}
            value={strength}
            onChange={(event) => setStrength(Number(event.target.value))}
          />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={onCancel}>
            {t('map.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={!target}>
            {t('map.tieCreate')}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** A likely tie type for two kinds of entries, so the common case is one Enter away. */
export function guessType(from: EntityKind, to: EntityKind | undefined): TieType {
  if (!to) return 'friend'
  if (to === 'product') return from === 'product' ? 'competes-with' : 'uses'
  if (to === 'place' || to === 'channel') return 'frequents'
  if (to === 'community') return 'member-of'
  if (to === 'organisation') return from === 'organisation' ? 'partners' : 'works-at'
  if (from === 'person' && to === 'customer') return 'recommends'
  return 'friend'
}
