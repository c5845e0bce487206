import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BACKGROUND_COLORS,
  createWindowOptions,
  preloadPathFrom,
} from '../../../electron/main/window-options'

describe('createWindowOptions', () => {
  const mainDirectory = resolve('/opt/carnet/out/main')

  it('uses the secure web preferences', () => {
    const { webPreferences } = createWindowOptions({ mainDirectory, prefersDarkColors: false })
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    })
  })

  it('loads the CommonJS preload built next to the main script', () => {
    const options = createWindowOptions({ mainDirectory, prefersDarkColors: false })
    expect(options.webPreferences?.preload).toBe(resolve('/opt/carnet/out/preload/index.cjs'))
    expect(preloadPathFrom(mainDirectory)).toBe(options.webPreferences?.preload)
  })

  it('stays hidden until ready-to-show, with a title and a usable minimum size', () => {
    const options = createWindowOptions({ mainDirectory, prefersDarkColors: false })
    expect(options.show).toBe(false)
    expect(options.title).toBe('Carnet')
    expect(options.minWidth).toBeGreaterThanOrEqual(640)
    expect(options.minHeight).toBeGreaterThanOrEqual(400)
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0)
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0)
  })

  it('paints the background of the system theme', () => {
    expect(createWindowOptions({ mainDirectory, prefersDarkColors: true }).backgroundColor).toBe(
      BACKGROUND_COLORS.dark,
    )
    expect(createWindowOptions({ mainDirectory, prefersDarkColors: false }).backgroundColor).toBe(
      BACKGROUND_COLORS.light,
    )
  })
})
