import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../../src/model/records'
import { STAGES } from '../../../src/model/vocabulary'
import type { Stage } from '../../../src/model/vocabulary'
import type { ComputedStage } from '../../../src/notebook/ladder'
import type { ActionContext } from '../../actions/types'
import { editEntity } from './entity-edit'

/**
 * The four steps of the ladder with the customer's step marked, why they are there, and a
 * manual override (stage + reason) that wins over the computed stage until it is cleared.
 */
export function LadderCard({
  context,
  entity,
  computed,
}: {
  context: ActionContext
  entity: Entity
  computed: ComputedStage
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const override = entity.stageOverride
  const current = override?.stage ?? computed.stage
  const currentRank = current ? STAGES.indexOf(current) : -1
  const computedReason =
    computed.reason.code === 'nothing'
      ? t('customer.reason.nothing')
      : t(`customer.reason.${computed.reason.code}`, { count: computed.reason.count })
  const label = t('customer.overrideLabel')
  const clear = () =>
    void editEntity(context, entity.id, t('customer.clearOverrideLabel'), {
      stageOverride: undefined,
      stage: computed.stage,
    })
  return (
    <section className="card ladder-card" aria-labelledby="ladder-title" data-testid="ladder">
      <h2 id="ladder-title" className="card-title">
        {t('customer.ladder')}
      </h2>
      <p className="card-intro">{t('customer.ladderIntro')}</p>
      <ol className="ladder">
        {STAGES.map((stage, index) => (
          <li
            key={stage}
            className={`ladder-step${index <= currentRank ? ' ladder-reached' : ''}${
              stage === current ? ' ladder-current' : ''
            }`}
            aria-current={stage === current ? 'step' : undefined}
          >
            <span className="ladder-dot" aria-hidden="true">
              {index + 1}
            </span>
            <span className="ladder-name">{t(`stage.${stage}`)}</span>
            {stage === current && (
              <span className="visually-hidden">, {t('customer.stepCurrent')}</span>
            )}
          </li>
        ))}
      </ol>
      {override ? (
        <div className="ladder-reason">
          <p>
            <strong>{t('customer.overridden')}</strong>
            {override.reason && (
              <> — {t('customer.overrideReasonShown', { reason: override.reason })}</>
            )}
          </p>
          <p className="muted">
            {t('customer.computed', { stage: t(`stage.${computed.stage ?? 'none'}`) })} ·{' '}
            {computedReason}
          </p>
        </div>
      ) : current ? (
        <p className="ladder-reason">{computedReason}</p>
      ) : (
        <p className="ladder-reason">
          <strong>{t('customer.notOnLadder')}</strong> — {computedReason}
        </p>
      )}
      {editing ? (
        <OverrideForm
          initial={override?.stage ?? computed.stage ?? 'known'}
          initialReason={override?.reason ?? ''}
          onCancel={() => setEditing(false)}
          onSave={async (stage, reason) => {
            const saved = await editEntity(context, entity.id, label, {
              stageOverride: { stage, reason, at: Date.now() },
            })
            if (saved) setEditing(false)
          }}
        />
      ) : (
        <div className="card-actions">
          <button type="button" onClick={() => setEditing(true)}>
            {override ? t('customer.changeOverride') : t('customer.setOverride')}
          </button>
          {override && (
            <button type="button" className="button-quiet" onClick={clear}>
              {t('customer.clearOverride')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}

function OverrideForm({
  initial,
  initialReason,
  onSave,
  onCancel,
}: {
  initial: Stage
  initialReason: string
  onSave: (stage: Stage, reason: string) => Promise<void>
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [stage, setStage] = useState<Stage>(initial)
  const [reason, setReason] = useState(initialReason)
  const id = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void onSave(stage, reason.trim())
  }
  return (
    <form
      className="override-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onCancel()
        }
      }}
    >
      <label htmlFor={`${id}-stage`}>{t('customer.overrideStage')}</label>
      <select
        id={`${id}-stage`}
        value={stage}
        autoFocus
        onChange={(event) => setStage(event.target.value as Stage)}
      >
        {STAGES.map((option) => (
          <option key={option} value={option}>
            {t(`stage.${option}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{t('customer.overrideReason')}</label>
      <input
        id={`${id}-reason`}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="card-actions">
        <button type="submit" className="button-primary">
          {t('customer.overrideSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
