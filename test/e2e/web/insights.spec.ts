/**
 * Influence and insights, end to end on the samples: the known prescriber comes first, the
 * rising tag shows as a weak signal and opens its notes, the home dashboard links through to
 * the entities and notes behind its figures, social power shows on an entity page, and
 * communities become segments and hulls on the map.
 *
 * With CARNET_SCREENSHOTS=<dir>, the tests also save screenshots of every insights section.
 */
import type { Page } from '@playwright/test'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

const SHOTS = process.env.CARNET_SCREENSHOTS
const SECTIONS = [
  'influence',
  'prescribers',
  'voices',
  'communities',
  'besides',
  'themes',
  'attention',
  'gaps',
] as const

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

const SAMPLES = [
  {
    language: 'English',
    code: 'en',
    prescriber: 'Helen Marsh',
    ambassador: 'Sophie Fletcher',
    sceptic: 'Gerald Pike',
  },
  {
    language: 'Français',
    code: 'fr',
    prescriber: 'Hélène Marchand',
    ambassador: 'Sophie Lefèvre',
    sceptic: 'Gérard Pichon',
  },
] as const

for (const sample of SAMPLES) {
  test(`prescribers, voices and weak signals on the ${sample.code} sample`, async ({ page }) => {
    const errors = collectPageErrors(page)
    const carnet = new Carnet(page)
    await carnet.open()
    await carnet.startWithSample(sample.language)

    await page.goto('/#/insights/prescribers')
    const prescribers = page.getByTestId('prescriber')
    await expect(prescribers.first()).toBeVisible()
    await expect(prescribers.first().getByTestId('insight-entity').first()).toHaveText(
      sample.prescriber,
    )

    await page.goto('/#/insights/voices')
    // The voices' own names (their notes below mention others, and them, too).
    const voice = (list: string, name: string) =>
      page
        .getByTestId(list)
        .getByTestId('insight-entity')
        .filter({ hasText: new RegExp(`^${name}$`) })
    await expect(voice('ambassadors', sample.ambassador)).toHaveCount(1)
    await expect(voice('sceptics', sample.sceptic)).toHaveCount(1)
    await expect(voice('ambassadors', sample.sceptic)).toHaveCount(0)

    await page.goto('/#/insights/themes')
    const vegan = page.getByTestId('weak-signals').getByRole('button', { name: '#vegan' })
    await expect(vegan).toBeVisible()
    await vegan.click()
    // The notes behind the signal, each one mentioning it.
    const notes = page.getByTestId('insight-notes').getByRole('listitem')
    await expect(notes.first()).toBeVisible()
    expect(await notes.count()).toBeGreaterThanOrEqual(3)
    for (const text of await notes.allInnerTexts())
      expect(text.toLowerCase()).toMatch(/vegan|végan/)

    if (SHOTS) {
      for (const section of SECTIONS) {
        await page.goto(`/#/insights/${section}`)
        await expect(page.getByTestId(`insights-${section}`)).toBeVisible()
        await shoot(page, `insights-${section}-${sample.code}`)
      }
    }
    expect(errors).toEqual([])
  })
}

test('the home dashboard links through to the people and notes behind it', async ({ page }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')

  const dashboard = page.getByTestId('insights-dashboard')
  await expect(dashboard).toBeVisible()
  await shoot(page, 'home-dashboard-en')
  await expect(page.getByTestId('dashboard-prescriber').first()).toContainText('Helen Marsh')
  await expect(page.getByTestId('dashboard-quiet')).not.toHaveCount(0)

  // A weak signal opens the themes with its notes shown.
  await page.getByTestId('dashboard-signal').getByRole('link', { name: '#vegan' }).click()
  await expect(page).toHaveURL(/#\/insights\/themes/)
  await expect(page.getByTestId('insight-notes').getByRole('listitem').first()).toBeVisible()

  // A name opens the entity's page, which shows its social power and rank.
  await page.goto('/#/home')
  await page
    .getByTestId('dashboard-prescriber')
    .first()
    .getByRole('link', { name: 'Helen Marsh' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Helen Marsh')
  const influence = page.getByTestId('entity-influence')
  await expect(influence).toContainText(/Rank 1 of \d+/)
  await shoot(page, 'entity-influence-en')

  // Every panel title leads to its full list.
  await page.goto('/#/home')
  await page
    .getByTestId('dashboard-influence')
    .getByRole('link', { name: 'Social power' })
    .first()
    .click()
  await expect(page.getByTestId('influence-row').first()).toBeVisible()
  const first = page.getByTestId('influence-row').first().getByTestId('insight-entity')
  await expect(first).toHaveText('Helen Marsh')
  expect(errors).toEqual([])
})

test('communities become segments and hulls on the map', async ({ page }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')

  await page.goto('/#/insights/communities')
  const communities = page.getByTestId('community')
  await expect(communities.first()).toBeVisible()
  const count = await communities.count()
  expect(count).toBeGreaterThanOrEqual(2)
  const firstName = (await communities.first().locator('strong').innerText()).trim()

  // As a segment: the same members, listed with the built-in segments.
  await communities.first().getByRole('link', { name: 'See as a segment' }).click()
  await expect(page.getByTestId('segments-communities').getByTestId('segment-item')).toHaveCount(
    count,
  )
  await expect(page.getByTestId('segment-detail')).toContainText(firstName)

  // On the map: the communities checkbox is on.
  await page.goto('/#/insights/communities')
  await page.getByRole('button', { name: 'Show on the map' }).click()
  await expect(page.getByTestId('map-communities')).toBeChecked()
  await expect(page.getByTestId('map-canvas')).toHaveAttribute('data-settling', 'false', {
    timeout: 20_000,
  })
  await shoot(page, 'map-communities-en')

  // Power as the map's sizing.
  await page.getByLabel('Size by').selectOption('power')
  await expect(page.getByTestId('map-canvas')).toBeVisible()
  expect(errors).toEqual([])
})

test('a segment rule on social power keeps the influential customers', async ({ page }) => {
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')
  // The customers with power 70 or more, read from the ranked list.
  await page.goto('/#/insights/influence')
  await page.getByLabel('Show').selectOption({ label: 'Customer' })
  const rows = page.getByTestId('influence-row')
  await expect(rows.first()).toBeVisible()
  const expected: string[] = []
  for (const row of await rows.all()) {
    const power = Number(await row.locator('.power-value').innerText())
    if (power >= 70) expected.push(await row.getByTestId('insight-entity').innerText())
  }
  expect(expected.length).toBeGreaterThan(0)

  await page.goto('/#/segments')
  await page.getByRole('button', { name: 'New segment' }).click()
  await carnet.answerPrompt('Influential')
  const editor = page.getByTestId('rule-editor')
  await editor.getByRole('button', { name: 'Add a condition' }).click()
  await editor.getByLabel('Condition', { exact: true }).selectOption('power')
  const threshold = editor.getByLabel('Social power at least (0–100)')
  await threshold.fill('70')
  await threshold.press('Enter')
  const members = page.getByTestId('segment-members').getByRole('link')
  await expect(members).toHaveCount(expected.length)
  expect((await members.allInnerTexts()).sort()).toEqual([...expected].sort())
})
