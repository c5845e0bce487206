/** The bridge the page talks to: the preload's in the desktop app, the browser one otherwise. */
import type { DesktopBridge } from '../../src/platform/desktop-bridge'
import { browserBridge } from './browser-bridge'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    carnet?: DesktopBridge
  }
}

export function getBridge(): DesktopBridge {
  return window.carnet ?? browserBridge
}
