/**
 * Keyboard only, from the welcome screen to a customer's page: open the sample, capture a note
 * with a mention (Alt+N, type, `@`, arrows, Enter), find a customer in the palette and open their
 * page. Then, in a second walk, draw a tie on the map (arrows choose an entry, T ties it), add the
 * view to a deck from the palette, present it (F5), move through the slides with the arrow keys
 * and leave with Escape. At every step the focused element must show it (a non-none outline or a
 * box-shadow). No mouse call anywhere in this file.
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
    const labelled = (element as HTMLInputElement).labels?.[0]?.textContent
    const label =
      element.getAttribute('aria-label') ??
      (labelled || (element.textContent ?? '')).trim().slice(0, 40)
    return {
      description: `<${element.localName}${element.id ? `#${element.id}` : ''}${
        element.getAttribute('type') ? ` type=${element.getAttribute('type')!}` : ''
      }> ${label}`,
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
  const seen: string[] = []
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab')
    const state = await focusState(page)
    seen.push(state.description)
    // Past the last control the focus leaves the page (to the browser), then comes back to the
    // first: that one step is not the page's to show.
    if (state.description === 'body' && seen.at(-2) !== 'body') continue
    expect(state.visible, `${step}, Tab ${String(presses + 1)}: ${state.description}`).toBe(true)
    if (matches(state)) return
  }
  throw new Error(`${step}: never reached with Tab; went through\n${seen.join('\n')}`)
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

test('draw a tie on the map, add the view to a deck and present it, with the keyboard alone', async ({
  page,
}) => {
  test.setTimeout(60_000)
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await tabTo(page, 'welcome', (state) => /Open the sample/.test(state.description))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 15_000 })

  // To the map by its shortcut, then into the map's list of entries.
  await page.keyboard.press(`${carnet.mod}+5`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ecosystem map')
  const map = page.getByTestId('map-canvas')
  await expect(map).toHaveAttribute('data-settling', 'false', { timeout: 20_000 })
  const ties = async () =>
    Number(/(\d+) ties/.exec((await map.getAttribute('aria-label')) ?? '')![1])
  const before = await ties()
  await tabTo(page, 'map', (state) => /^<div> Ecosystem map:/.test(state.description))

  // Arrows choose an entry, T ties it: the dialog asks for the other end.
  await page.keyboard.press('ArrowRight')
  await expect(map).toHaveAttribute('aria-activedescendant', /map-node-\d+/)
  await expectVisibleFocus(page, 'map entry chosen')
  await page.keyboard.press('t')
  const dialog = page.getByRole('dialog', { name: 'New tie' })
  const target = dialog.getByRole('combobox', { name: 'To' })
  await expect(target).toBeFocused()
  await expectVisibleFocus(page, 'tie dialog')
  // The first entry that has no tie to this one yet.
  await page.keyboard.press('ArrowDown')
  await expect(target).not.toHaveValue('')
  await tabTo(page, 'tie dialog', (state) => /Tie them/.test(state.description))
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect.poll(ties).toBe(before + 1)
  await expect(map).toBeFocused()
  await expectVisibleFocus(page, 'back on the map')

  // The palette adds the view to a deck (made on the way), twice: two slides to move through.
  const added = page.getByTestId('toast').filter({ hasText: 'Added to' })
  for (const time of [1, 2]) {
    await page.keyboard.press(`${carnet.mod}+k`)
    await expectVisibleFocus(page, `palette, ${String(time)}`)
    await page.keyboard.type('Add the current view to a deck')
    await page.keyboard.press('Enter')
    await expect(added).toHaveCount(time)
  }
  await page.keyboard.press('F5')
  const presentation = page.getByTestId('presentation')
  await expect(presentation).toBeVisible()
  // The slides themselves have the focus (a ring around the projected slide would only be
  // noise for the room); Tab reaches the presentation's own buttons, each visibly focused.
  await expect(presentation).toBeFocused()
  const position = page.getByTestId('present-position')
  await expect(position).toHaveText('Slide 1 of 2')
  await page.keyboard.press('ArrowRight')
  await expect(position).toHaveText('Slide 2 of 2')
  await page.keyboard.press('Home')
  await expect(position).toHaveText('Slide 1 of 2')
  await page.keyboard.press('Tab')
  await expectVisibleFocus(page, 'presentation, Tab')
  await page.keyboard.press('ArrowRight')
  await expect(position).toHaveText('Slide 2 of 2')
  await page.keyboard.press('ArrowLeft')
  await expect(position).toHaveText('Slide 1 of 2')

  // Escape leaves to the deck, with the focus somewhere visible, and Tab moves on from there.
  await page.keyboard.press('Escape')
  await expect(presentation).toBeHidden()
  await expect(page).toHaveURL(/#\/decks\/[\w-]+$/)
  for (let presses = 0; presses < 4; presses += 1) {
    await page.keyboard.press('Tab')
    await expectVisibleFocus(page, `deck after presenting, Tab ${String(presses + 1)}`)
  }
  expect(errors).toEqual([])
})
