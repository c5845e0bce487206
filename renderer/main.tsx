/**
 * Starts the page: picks the platform bridge (Electron preload or browser), the language, opens
 * the registry and the last notebook, then renders.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { createI18n, pickLanguage } from '../src/i18n'
import { AppController } from './app/controller'
import { App } from './app/App'
import { AppContext } from './hooks/useApp'
import { getBridge } from './platform/bridge'

async function start() {
  const bridge = getBridge()
  const info = await bridge.appInfo()
  const i18n = await createI18n(pickLanguage('system', info.locales))
  const app = new AppController(bridge, i18n, info, { indexedDB, IDBKeyRange })
  // Ask the browser not to evict Carnet's storage under pressure; the answer is not needed here.
  void navigator.storage?.persist?.()
  await app.start()
  const root = document.getElementById('root')
  if (!root) throw new Error('No #root element')
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppContext value={app}>
          <App />
        </AppContext>
      </I18nextProvider>
    </StrictMode>,
  )
}

void start()
