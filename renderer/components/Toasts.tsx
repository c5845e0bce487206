import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Toast } from '../app/controller'
import { useController } from '../hooks/useApp'
import './Toasts.css'

const TOAST_MS = 8_000

/** Short messages at the bottom of the window, read out by screen readers. */
export function Toasts() {
  const app = useController()
  const { t } = useTranslation()
  const [toasts, setToasts] = useState<Toast[]>([])

  useEffect(
    () =>
      app.onToast((toast) => {
        setToasts((current) => [...current.slice(-3), toast])
        window.setTimeout(
          () => setToasts((current) => current.filter((item) => item.id !== toast.id)),
          TOAST_MS,
        )
      }),
    [app],
  )

  const dismiss = (id: number) => setToasts((current) => current.filter((item) => item.id !== id))
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast">
          <span className="toast-message">{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action?.run()
                dismiss(toast.id)
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="toast-close"
            aria-label={t('common.dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
