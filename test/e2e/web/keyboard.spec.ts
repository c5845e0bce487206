/**
 * Keyboard only, from the welcome screen to a customer's page: open the sample, capture a note
 * with a mention (Alt+N, type, `@`, arrows, Enter), find a customer in the palette and open their
 * page. At every step the focused element must show it (a non-none outline or a box-shadow).
 * No mouse call anywhere in this file.
 */
import type { Page } from '@playwright/test'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

interface FocusState {
  description: string
  visible: boolean
}

/** What has the focus, and whether its focus indicator can be seen. */
function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return { description: 'body', visible: false }
    const style = getComputedStyle(element)
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== ''
    const label =
      element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40)
    return {
      description: `<${element.localName}${element.id ? `#${element.id}` : ''}> ${label}`,
      visible: outline || shadow,
    }
  })
}

async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  const state = await focusState(page)
  expect(state.visible, `${step}: focus on ${state.description} is not visible`).toBe(true)
}

/** Presses Tab until `matches` says the focused element is the one, checking focus all along. */
async function tabTo(page: Page, step: string, matches: (state: FocusState) => boolean) {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab')
    const state = await focusState(page)
    expect(state.visible, `${step}, Tab ${String(presses + 1)}: ${state.description}`).toBe(true)
    if (matches(state)) return
  }
  throw new Error(`${step}: never reached with Tab`)
}

test('from the welcome screen to a customer page with the keyboard alone', async ({ page }) => {
  test.setTimeout(60_000)
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()

  // Welcome: Tab to "Open the sample", Enter.
  await tabTo(page, 'welcome', (state) => /Open the sample/.test(state.description))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 15_000 })

  // Quick capture with a mention chosen by arrows.
  await page.keyboard.press('Alt+n')
  await expect(carnet.captureText()).toBeFocused()
  await expectVisibleFocus(page, 'capture opened')
  await page.keyboard.type('Talked with @zo')
  const options = carnet.mentionOptions()
  await expect(options.first()).toBeVisible()
  const count = await options.count()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(carnet.captureText()).toHaveAttribute('aria-activedescendant', /.+/)
  await expectVisibleFocus(page, 'mention list')
  expect(count).toBeGreaterThan(0)
  await page.keyboard.press('Enter')
  await expect(options).toHaveCount(0)
  await page.keyboard.type('about the new loaf')
  await expect(carnet.captureText()).toHaveValue(
    /^Talked with \[@Zo[^\]]*\]\(carnet:entity\/[\w-]+\)\s+about the new loaf$/,
  )
  // Tab through the capture's next fields and back: each shows its focus.
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key)
    await expectVisibleFocus(page, `capture fields, ${key}`)
  }
  await expect(carnet.captureText()).toBeFocused()
  await carnet.closeCapture()
  // The capture was opened from <body> (the welcome screen's button is gone): the focus goes to
  // the main region, not back to nowhere.
  await expect(page.getByRole('main')).toBeFocused()

  // Find a customer in the palette and open their page.
  await page.keyboard.press(`${carnet.mod}+k`)
  const input = carnet.palette().getByRole('combobox')
  await expect(input).toBeFocused()
  await expectVisibleFocus(page, 'palette')
  await page.keyboard.type('zoe fish')
  await expect(carnet.palette().getByRole('option').first()).toContainText('Zoe Fisher')
  await page.keyboard.press('Enter')
  await expect(carnet.palette()).toBeHidden()
  await expect(page).toHaveURL(/#\/customers\/[\w-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoe Fisher')

  // On the customer page, Tab reaches its controls, every one visibly focused.
  for (let presses = 0; presses < 8; presses += 1) {
    await page.keyboard.press('Tab')
    await expectVisibleFocus(page, `customer page, Tab ${String(presses + 1)}`)
  }
  expect(errors).toEqual([])
})
