import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../../../src/i18n'
import type { LanguageSetting } from '../../../src/i18n'
import type { ThemeSetting } from '../../app/controller'
import { useAppState, useController } from '../../hooks/useApp'
import { BackupSettings } from './BackupSettings'
import { InactiveCustomers } from './InactiveCustomers'

const THEMES = [
  ['system', 'settings.themeSystem'],
  ['light', 'settings.themeLight'],
  ['dark', 'settings.themeDark'],
] as const

export function Settings() {
  const { t } = useTranslation()
  const app = useController()
  const { languageSetting, theme, notebook } = useAppState()
  const desktop = app.info.runtime === 'desktop'
  return (
    <div className="view">
      <header className="view-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <div className="settings-grid">
        <label className="field">
          <span>{t('settings.language')}</span>
          <select
            value={languageSetting}
            onChange={(event) => void app.setLanguage(event.target.value as LanguageSetting)}
          >
            <option value="system">{t('settings.languageSystem')}</option>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="field">
          <legend>{t('settings.theme')}</legend>
          <div className="segmented">
            {THEMES.map(([value, key]) => (
              <label key={value}>
                <input
                  type="radio"
                  name="theme"
                  value={value}
                  checked={theme === value}
                  onChange={() => void app.setTheme(value satisfies ThemeSetting)}
                />
                <span>{t(key)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <section aria-labelledby="settings-data">
        <h2 id="settings-data" className="section-title">
          {t('settings.dataTitle')}
        </h2>
        <p className="prose">{desktop ? t('settings.dataDesktop') : t('settings.dataWeb')}</p>
      </section>
      <BackupSettings />
      {notebook && <InactiveCustomers />}
      <section aria-labelledby="settings-about">
        <h2 id="settings-about" className="section-title">
          {t('settings.about')}
        </h2>
        <p className="prose">
          {t('app.name')} — {t('settings.version', { version: app.info.version })} ·{' '}
          {desktop ? t('settings.runtimeDesktop') : t('settings.runtimeWeb')}
        </p>
      </section>
    </div>
  )
}
