/** First start (or no notebook left): an empty notebook or the sample, in either language. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../../../src/i18n'
import type { Language } from '../../../src/i18n'
import type { ActionContext } from '../../actions/types'
import { describeError } from '../../actions/errors'
import { useAppState } from '../../hooks/useApp'
import './Welcome.css'

export function Welcome({ context }: { context: ActionContext }) {
  const { t } = useTranslation()
  const { language } = useAppState()
  const [sampleLanguage, setSampleLanguage] = useState<Language>(language)
  const [busy, setBusy] = useState(false)

  const create = async (sample?: Language) => {
    setBusy(true)
    try {
      const name = sample
        ? sample === 'fr'
          ? 'Boulangerie du Canal (exemple)'
          : 'Canal Street Bakery (sample)'
        : t('welcome.defaultName')
      const navigate = context.navigateLater()
      await context.app.createNotebook(name, sample)
      navigate('home')
    } catch (error) {
      context.app.toast(describeError(error, t), { tone: 'error' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="welcome" id="main" aria-busy={busy}>
      <div className="welcome-inner">
        <p className="welcome-brand">{t('app.name')}</p>
        <h1>{t('welcome.title')}</h1>
        <p className="welcome-intro">{t('welcome.intro')}</p>
        <h2 className="welcome-choose">{t('welcome.choose')}</h2>
        <div className="welcome-choices">
          <section className="welcome-card welcome-card-sample" aria-labelledby="welcome-sample">
            <h3 id="welcome-sample">{t('welcome.sampleTitle')}</h3>
            <p>{t('welcome.sampleBody')}</p>
            <div className="welcome-card-footer">
              <label className="welcome-language">
                <span>{t('welcome.sampleLanguage')}</span>
                <select
                  value={sampleLanguage}
                  onChange={(event) => setSampleLanguage(event.target.value as Language)}
                >
                  {LANGUAGES.map((code) => (
                    <option key={code} value={code}>
                      {t(`language.${code}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button-primary"
                disabled={busy}
                onClick={() => void create(sampleLanguage)}
              >
                {t('welcome.sampleAction')}
              </button>
            </div>
          </section>
          <section className="welcome-card" aria-labelledby="welcome-empty">
            <h3 id="welcome-empty">{t('welcome.emptyTitle')}</h3>
            <p>{t('welcome.emptyBody')}</p>
            <div className="welcome-card-footer">
              <button type="button" disabled={busy} onClick={() => void create()}>
                {t('welcome.emptyAction')}
              </button>
            </div>
          </section>
        </div>
        {busy && <p className="welcome-busy">{t('welcome.creating')}</p>}
      </div>
    </main>
  )
}
