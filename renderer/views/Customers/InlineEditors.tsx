import { useId, useState } from 'react'
import type { FormEvent, KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * One text value shown as text, with an Edit button that turns it into a field. Enter or Save
 * keeps the change, Escape or Cancel drops it.
 */
export function EditableText({
  label,
  value,
  onSave,
  type = 'text',
  hint,
  multiline = false,
  required = false,
}: {
  label: string
  value: string
  onSave: (value: string) => Promise<boolean>
  type?: 'text' | 'url' | 'email'
  hint?: string
  multiline?: boolean
  required?: boolean
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const id = useId()
  const save = async (event?: FormEvent) => {
    event?.preventDefault()
    if (draft === null) return
    const next = draft.trim()
    if (required && next === '') return
    if (next === value || (await onSave(next))) setDraft(null)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      setDraft(null)
    } else if (event.key === 'Enter' && (!multiline || event.metaKey || event.ctrlKey)) {
      void save(event)
    }
  }
  if (draft === null) {
    return (
      <div className="field-row">
        <dt>{label}</dt>
        <dd>
          <span className={value ? 'field-value' : 'field-value field-empty'}>
            {value || t('customer.empty')}
          </span>
          <button
            type="button"
            className="button-quiet field-edit"
            aria-label={t('customer.editLabel', { field: label })}
            onClick={() => setDraft(value)}
          >
            {t('customer.edit')}
          </button>
        </dd>
      </div>
    )
  }
  return (
    <div className="field-row field-editing">
      <dt>
        <label htmlFor={id}>{label}</label>
      </dt>
      <dd>
        <form className="field-form" onSubmit={(event) => void save(event)}>
          {multiline ? (
            <textarea
              id={id}
              value={draft}
              rows={3}
              autoFocus
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
            />
          ) : (
            <input
              id={id}
              type={type}
              value={draft}
              autoFocus
              required={required}
              aria-describedby={hint ? `${id}-hint` : undefined}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
            />
          )}
          <button type="submit" className="button-primary">
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('common.cancel')}
          </button>
          {hint && (
            <small id={`${id}-hint`} className="field-hint">
              {hint}
            </small>
          )}
        </form>
      </dd>
    </div>
  )
}

/**
 * A list of short values shown as chips (tags, emails, phones): each chip has a remove button,
 * and a small field adds one (Enter or the Add button).
 */
export function ChipList({
  label,
  values,
  onChange,
  addLabel,
  placeholder,
  prefix = '',
  type = 'text',
  testId,
}: {
  label: string
  values: readonly string[]
  onChange: (values: string[]) => Promise<boolean>
  addLabel: string
  placeholder: string
  prefix?: string
  type?: 'text' | 'email' | 'tel'
  testId?: string
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const id = useId()
  const add = async (event: FormEvent) => {
    event.preventDefault()
    const value = draft.trim()
    if (value === '') return
    if (values.includes(value) || (await onChange([...values, value]))) setDraft('')
  }
  return (
    <div className="field-row" data-testid={testId}>
      <dt id={`${id}-label`}>{label}</dt>
      <dd>
        <ul className="chips" aria-labelledby={`${id}-label`}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span>
                {prefix}
                {value}
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('customer.remove', { value: `${prefix}${value}` })}
                onClick={() => void onChange(values.filter((other) => other !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="chip-form" onSubmit={(event) => void add(event)}>
          <input
            type={type}
            value={draft}
            aria-label={addLabel}
            placeholder={placeholder}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit">{t('customer.add')}</button>
        </form>
      </dd>
    </div>
  )
}
