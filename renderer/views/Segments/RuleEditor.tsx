/**
 * Edits a segment's rule: all / any, and a list of conditions. Each change is written at once
 * (one undoable step); text and number fields are written when they lose focus or on Enter.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Entity } from '../../../src/model/records'
import {
  ENTITY_KINDS,
  NOTE_KINDS,
  STAGES,
  TIE_TYPE_NAMES,
  TOUCHPOINTS,
} from '../../../src/model/vocabulary'
import { RFM_GROUPS } from '../../../src/value/rfm'
import { CONDITION_TYPES } from '../../../src/value/segment-rules'
import type { Condition, ConditionType, SegmentRule } from '../../../src/value/segment-rules'
import { TIERS } from '../../../src/value/tiers'

export interface RuleEditorProps {
  rule: SegmentRule
  onChange: (rule: SegmentRule) => void
  places: readonly Entity[]
  products: readonly Entity[]
  knownTags: readonly string[]
  /** Detected communities, by leader, for the community condition. */
  communities: readonly { leaderId: string; name: string }[]
}

export function RuleEditor({
  rule: stored,
  onChange: save,
  places,
  products,
  knownTags,
  communities,
}: RuleEditorProps) {
  const { t } = useTranslation()
  // The rule shown is the one being edited: a save reaches the database and comes back a
  // moment later, and a second edit made before then must build on the first, not on the
  // stored rule. Echoes of our own saves are skipped; any other stored change (undo) wins.
  const [rule, setRule] = useState(stored)
  const [pending, setPending] = useState<string[]>([])
  const incoming = JSON.stringify(stored)
  const [seen, setSeen] = useState(incoming)
  if (seen !== incoming) {
    setSeen(incoming)
    const echo = pending.indexOf(incoming)
    if (echo >= 0) setPending(pending.slice(echo + 1))
    else {
      setPending([])
      setRule(stored)
    }
  }
  const onChange = (next: SegmentRule) => {
    setRule(next)
    setPending([...pending, JSON.stringify(next)])
    save(next)
  }
  const defaults: Record<ConditionType, Condition | undefined> = {
    'rfm-group': { type: 'rfm-group', group: 'champions' },
    tier: { type: 'tier', tier: 'top-20' },
    stage: { type: 'stage', stage: 'engaged' },
    tag: { type: 'tag', tag: knownTags[0] ?? 'vip' },
    'note-kind': { type: 'note-kind', kind: 'complaint' },
    touchpoint: { type: 'touchpoint', touchpoint: 'shop' },
    'last-contact': { type: 'last-contact', when: 'before', days: 90 },
    tie: { type: 'tie', tieType: 'recommends' },
    frequents: places[0] ? { type: 'frequents', placeId: places[0].id } : undefined,
    uses: products[0] ? { type: 'uses', productId: products[0].id } : undefined,
    power: { type: 'power', min: 50 },
    community: communities[0]
      ? { type: 'community', leaderId: communities[0].leaderId }
      : undefined,
  }
  const available = CONDITION_TYPES.filter((type) => defaults[type] !== undefined)
  const setCondition = (index: number, condition: Condition) =>
    onChange({ ...rule, conditions: rule.conditions.map((c, i) => (i === index ? condition : c)) })
  const remove = (index: number) =>
    onChange({ ...rule, conditions: rule.conditions.filter((_, i) => i !== index) })
  const add = () => {
    const condition = defaults[available[0] ?? 'rfm-group']
    if (condition) onChange({ ...rule, conditions: [...rule.conditions, condition] })
  }
  return (
    <fieldset className="rule-editor" data-testid="rule-editor">
      <legend>{t('segments.rule')}</legend>
      <label className="rule-match">
        <span>{t('segments.match')}</span>
        <select
          value={rule.match}
          onChange={(event) =>
            onChange({ ...rule, match: event.target.value === 'any' ? 'any' : 'all' })
          }
        >
          <option value="all">{t('segments.matchAll')}</option>
          <option value="any">{t('segments.matchAny')}</option>
        </select>
      </label>
      {rule.conditions.length === 0 && <p className="muted">{t('segments.noConditions')}</p>}
      <ol className="rule-conditions">
        {rule.conditions.map((condition, index) => (
          <li key={index} className="rule-condition" data-testid="rule-condition">
            <select
              aria-label={t('segments.conditionType')}
              value={condition.type}
              onChange={(event) => {
                const next = defaults[event.target.value as ConditionType]
                if (next) setCondition(index, next)
              }}
            >
              {available.map((type) => (
                <option key={type} value={type}>
                  {t(`segments.conditions.${type}`)}
                </option>
              ))}
            </select>
            <ConditionFields
              condition={condition}
              onChange={(next) => setCondition(index, next)}
              places={places}
              products={products}
              communities={communities}
            />
            <button
              type="button"
              className="button-quiet"
              aria-label={t('segments.removeCondition')}
              title={t('segments.removeCondition')}
              onClick={() => remove(index)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={add}>
        {t('segments.addCondition')}
      </button>
    </fieldset>
  )
}

function Choice<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as T)}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  )
}

/** A text or number field written on blur or Enter, so typing is not a string of undo steps. */
function CommitInput({
  label,
  value,
  type = 'text',
  onCommit,
}: {
  label: string
  value: string
  type?: 'text' | 'number'
  onCommit: (value: string) => void
}) {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    setSeen(value)
    setDraft(value)
  }
  const commit = () => {
    if (draft.trim() !== '' && draft !== value) onCommit(draft.trim())
    else setDraft(value)
  }
  return (
    <input
      aria-label={label}
      type={type}
      min={type === 'number' ? 0 : undefined}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
      }}
    />
  )
}

function ConditionFields({
  condition,
  onChange,
  places,
  products,
  communities,
}: {
  condition: Condition
  onChange: (condition: Condition) => void
  places: readonly Entity[]
  products: readonly Entity[]
  communities: readonly { leaderId: string; name: string }[]
}) {
  const { t } = useTranslation()
  const label = t('segments.value')
  switch (condition.type) {
    case 'rfm-group':
      return (
        <Choice
          label={label}
          value={condition.group}
          options={RFM_GROUPS.map((group) => ({ value: group, label: t(`rfm.groups.${group}`) }))}
          onChange={(group) => onChange({ ...condition, group })}
        />
      )
    case 'tier':
      return (
        <Choice
          label={label}
          value={condition.tier}
          options={TIERS.map((tier) => ({ value: tier, label: t(`rfm.tiers.${tier}`) }))}
          onChange={(tier) => onChange({ ...condition, tier })}
        />
      )
    case 'stage':
      return (
        <Choice
          label={label}
          value={condition.stage}
          options={[
            ...STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) })),
            { value: 'none' as const, label: t('segments.noStage') },
          ]}
          onChange={(stage) => onChange({ ...condition, stage })}
        />
      )
    case 'tag':
      return (
        <CommitInput
          label={label}
          value={condition.tag}
          onCommit={(tag) =>
            onChange({ ...condition, tag: tag.replace(/^#/, '') || condition.tag })
          }
        />
      )
    case 'note-kind':
      return (
        <Choice
          label={label}
          value={condition.kind}
          options={NOTE_KINDS.map((kind) => ({ value: kind, label: t(`noteKind.${kind}`) }))}
          onChange={(kind) => onChange({ ...condition, kind })}
        />
      )
    case 'touchpoint':
      return (
        <Choice
          label={label}
          value={condition.touchpoint}
          options={TOUCHPOINTS.map((touchpoint) => ({
            value: touchpoint,
            label: t(`capture.touchpoints.${touchpoint}`),
          }))}
          onChange={(touchpoint) => onChange({ ...condition, touchpoint })}
        />
      )
    case 'last-contact':
      return (
        <>
          <Choice
            label={label}
            value={condition.when}
            options={[
              { value: 'before', label: t('segments.lastContactBefore') },
              { value: 'within', label: t('segments.lastContactWithin') },
            ]}
            onChange={(when) => onChange({ ...condition, when })}
          />
          <CommitInput
            label={t('segments.days')}
            type="number"
            value={String(condition.days)}
            onCommit={(text) => {
              const days = Math.round(Number(text))
              if (Number.isFinite(days) && days >= 0) onChange({ ...condition, days })
            }}
          />
        </>
      )
    case 'tie':
      return (
        <>
          <Choice
            label={t('segments.tieType')}
            value={condition.tieType}
            options={TIE_TYPE_NAMES.map((type) => ({ value: type, label: t(`tieType.${type}`) }))}
            onChange={(tieType) => onChange({ ...condition, tieType })}
          />
          <Choice
            label={t('segments.entityKind')}
            value={condition.entityKind ?? ''}
            options={[
              { value: '', label: t('segments.anyKind') },
              ...ENTITY_KINDS.map((kind) => ({ value: kind, label: t(`entityKind.${kind}`) })),
            ]}
            onChange={(kind) => {
              const { entityKind: _, ...rest } = condition
              onChange(kind === '' ? rest : { ...rest, entityKind: kind })
            }}
          />
        </>
      )
    case 'frequents':
      return (
        <Choice
          label={t('segments.place')}
          value={condition.placeId}
          options={places.map((place) => ({ value: place.id, label: place.name }))}
          onChange={(placeId) => onChange({ ...condition, placeId })}
        />
      )
    case 'uses':
      return (
        <Choice
          label={t('segments.product')}
          value={condition.productId}
          options={products.map((product) => ({ value: product.id, label: product.name }))}
          onChange={(productId) => onChange({ ...condition, productId })}
        />
      )
    case 'power':
      return (
        <CommitInput
          label={t('segments.powerAtLeast')}
          type="number"
          value={String(condition.min)}
          onCommit={(text) => {
            const min = Math.round(Number(text))
            if (Number.isFinite(min) && min >= 0 && min <= 100) onChange({ ...condition, min })
          }}
        />
      )
    case 'community': {
      const known = communities.some((community) => community.leaderId === condition.leaderId)
      return (
        <Choice
          label={t('segments.community')}
          value={condition.leaderId}
          options={[
            ...communities.map((community) => ({
              value: community.leaderId,
              label: community.name,
            })),
            // A community no longer detected stays visible rather than silently changing.
            ...(known ? [] : [{ value: condition.leaderId, label: t('segments.goneCommunity') }]),
          ]}
          onChange={(leaderId) => onChange({ ...condition, leaderId })}
        />
      )
    }
  }
}
