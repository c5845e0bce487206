/**
 * The app's modal dialogs (prompt and confirm), on the native <dialog> element: it traps focus,
 * closes on Escape and returns focus where it was, with no library needed.
 */
import { useEffect, useImperativeHandle, useRef, useState } from 'react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfirmOptions, Dialogs, PromptOptions } from '../actions/types'
import { focusInitial } from '../platform/focus'
import './DialogHost.css'

type Request =
  | { kind: 'prompt'; options: PromptOptions; resolve: (value: string | null) => void }
  | { kind: 'confirm'; options: ConfirmOptions; resolve: (value: boolean) => void }

export function DialogHost({ ref }: { ref: Ref<Dialogs> }) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [request, setRequest] = useState<Request | null>(null)
  const [value, setValue] = useState('')
  const [error, setError] = useState('')

  useImperativeHandle(ref, () => ({
    prompt: (options) =>
      new Promise((resolve) => {
        setValue(options.initial ?? '')
        setError('')
        setRequest({ kind: 'prompt', options, resolve })
      }),
    confirm: (options) =>
      new Promise((resolve) => setRequest({ kind: 'confirm', options, resolve })),
  }))

  useEffect(() => {
    const dialog = dialogRef.current
    if (request && dialog && !dialog.open) {
      dialog.showModal()
      focusInitial(dialog)
    }
  }, [request])

  const finish = (accepted: boolean) => {
    if (!request) return
    if (request.kind === 'prompt') {
      const text = value.trim()
      if (accepted && text === '') {
        setError(t('error.nameRequired'))
        return
      }
      request.resolve(accepted ? text : null)
    } else {
      request.resolve(accepted)
    }
    setRequest(null)
    dialogRef.current?.close()
  }

  const danger = request?.kind === 'confirm' && request.options.danger
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault()
        finish(false)
      }}
    >
      {request && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault()
            finish(true)
          }}
        >
          <h2 id="dialog-title">{request.options.title}</h2>
          {request.kind === 'prompt' ? (
            <label className="dialog-field">
              <span>{request.options.label}</span>
              <input
                data-autofocus
                value={value}
                maxLength={200}
                aria-invalid={error !== ''}
                aria-describedby={error ? 'dialog-error' : undefined}
                onChange={(event) => setValue(event.target.value)}
                onFocus={(event) => event.target.select()}
              />
              {error && (
                <span id="dialog-error" className="dialog-error" role="alert">
                  {error}
                </span>
              )}
            </label>
          ) : (
            <p className="dialog-body">{request.options.body}</p>
          )}
          <div className="dialog-buttons">
            <button
              type="button"
              data-autofocus={danger ? '' : undefined}
              onClick={() => finish(false)}
            >
              {t('common.cancel')}
            </button>
            <button type="submit" className={danger ? 'button-danger' : 'button-primary'}>
              {request.options.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
