/**
 * Value and segments, end to end on the English sample: RFM segments with live counts, charts
 * whose marks lead to the customers behind them, RFM and tier on a customer page, and a
 * Shopify-style CSV import with a preview of its problems that adds nothing the second time.
 *
 * With CARNET_SCREENSHOTS=<dir>, the test also saves screenshots of Segments and the charts.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { collectPageErrors, expect, test } from '../fixtures'
import { Carnet } from './carnet'

const SHOTS = process.env.CARNET_SCREENSHOTS
const CSV = fileURLToPath(new URL('../../fixtures/csv/sample-shopify.csv', import.meta.url))

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

function segment(page: Page, name: string) {
  return page.getByTestId('segment-item').filter({ hasText: new RegExp(`^${name}`) })
}

test('segments, charts and a customer’s RFM on the English sample', async ({ page }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')

  await carnet.goTo('Segments')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Segments')
  const champions = segment(page, 'Champions')
  await expect(champions).toContainText(/[1-9]\d* customers?/)
  await champions.click()
  const members = page.getByTestId('segment-members')
  await expect(members.getByRole('link')).not.toHaveCount(0)
  await shoot(page, 'segments-en-light')

  // The Pareto curve's top 5% mark selects the top spenders.
  const pareto = page.getByTestId('chart-pareto')
  await pareto.getByRole('button', { name: /^Top 5%: 2 customers/ }).click()
  await expect(page.getByTestId('segment-detail')).toContainText('Chart selection: Top 5%')
  await expect(members.getByRole('link')).toHaveText(['Mark Oliver', 'Isabel Gardner'])

  // The RFM grid's cells are buttons too; the table view carries the same data.
  const grid = page.getByTestId('chart-rfm-grid')
  await grid.getByRole('button', { name: /^Recency 1, frequency 1:/ }).click()
  await expect(members.getByRole('link', { name: 'Nathan Doyle' })).toBeVisible()
  // Exports: a standalone SVG (no script, colours inlined) and a PNG.
  const svgDownload = page.waitForEvent('download')
  await grid.getByRole('button', { name: 'Export SVG' }).click()
  const svgText = await readFile(await (await svgDownload).path(), 'utf8')
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(svgText).not.toContain('<script')
  expect(svgText).toContain('fill="rgb(')
  const pngDownload = page.waitForEvent('download')
  await pareto.getByRole('button', { name: 'Export PNG' }).click()
  const png = await readFile(await (await pngDownload).path())
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  await grid.getByRole('button', { name: 'Show as a table' }).click()
  await expect(grid.getByRole('table')).toContainText('Average M')
  await shoot(page, 'charts-en-light')

  // Clicking a member opens their page, which shows RFM and tier.
  await members.getByRole('link', { name: 'Nathan Doyle' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nathan Doyle')
  await expect(page.getByTestId('customer-rfm')).toContainText('Lost')

  await carnet.openCustomer('Mark Oliver')
  const rfm = page.getByTestId('customer-rfm')
  await expect(rfm).toContainText('Recency')
  await expect(rfm.getByTestId('value-tier')).toHaveText('Top 5%')
  await shoot(page, 'customer-en-light')

  // Dark theme and French, for the eye.
  if (SHOTS) {
    await page.emulateMedia({ colorScheme: 'dark' })
    await carnet.goTo('Segments')
    await segment(page, 'Champions').click()
    await shoot(page, 'segments-en-dark')
    await page.keyboard.press(`${carnet.mod}+k`)
    await carnet.palette().getByRole('combobox').fill('Passer en français')
    await carnet.palette().getByRole('option', { name: 'Passer en français' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Segments')
    await expect(page.getByTestId('tier-summary')).toContainText('chiffre d’affaires')
    await shoot(page, 'segments-fr-dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await shoot(page, 'segments-fr-light')
  }
  expect(errors).toEqual([])
})

test('a segment of one’s own: rule, live count, rename and undoable delete', async ({ page }) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')
  await carnet.goTo('Segments')
  await page.getByRole('button', { name: 'New segment' }).click()
  await carnet.answerPrompt('Lapsed regulars')
  const editor = page.getByTestId('rule-editor')
  await editor.getByRole('button', { name: 'Add a condition' }).click()
  const conditions = editor.getByRole('combobox', { name: 'Condition', exact: true })
  await conditions.selectOption('Last contact')
  await expect(segment(page, 'Lapsed regulars')).toContainText(/[1-9]\d* customers?/)
  await editor.getByRole('button', { name: 'Add a condition' }).click()
  await conditions.last().selectOption('RFM group is')
  // Nobody is both lapsed and a champion…
  await expect(page.getByTestId('segment-member-count')).toHaveText('0 customers')
  // …but the lost ones are lapsed.
  await editor.getByRole('combobox', { name: 'Value', exact: true }).last().selectOption('Lost')
  const members = page.getByTestId('segment-members')
  await expect(members.getByRole('link', { name: 'Nathan Doyle' })).toBeVisible()
  await expect(members.getByRole('link', { name: 'Victor Langley' })).toBeVisible()
  await editor.getByRole('combobox', { name: 'Customers matching' }).selectOption('any')
  await expect(members.getByRole('link', { name: 'Nathan Doyle' })).toBeVisible()
  await editor.getByRole('button', { name: 'Remove this condition' }).first().click()
  await expect(editor.getByTestId('rule-condition')).toHaveCount(1)
  await expect(members.getByRole('link', { name: 'Mark Oliver' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Rename' }).click()
  await carnet.answerPrompt('Lost for good')
  await expect(segment(page, 'Lost for good')).toHaveCount(1)
  await shoot(page, 'segment-editor-en-light')
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(segment(page, 'Lost for good')).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(segment(page, 'Lost for good')).toHaveCount(1)
  expect(errors).toEqual([])
})

test('imports a Shopify-style CSV with a preview of its problems, and adds nothing twice', async ({
  page,
}) => {
  const errors = collectPageErrors(page)
  const carnet = new Carnet(page)
  await carnet.open()
  await carnet.startWithSample('English')
  await carnet.goTo('Segments')

  const importFile = async () => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import purchases from CSV…' }).click()
    await (await chooser).setFiles(CSV)
    const dialog = page.getByRole('dialog', { name: 'Import purchases' })
    await expect(dialog.getByTestId('import-summary')).toBeVisible()
    return dialog
  }

  let dialog = await importFile()
  await expect(dialog).toContainText('Shopify orders export')
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    '4 rows: 2 to add, 0 already imported, 1 with problems',
  )
  await expect(dialog.getByTestId('import-problems')).toContainText(
    'Row 5: unreadable amount “not a price”',
  )
  await expect(dialog.getByTestId('import-review')).toContainText('Julian Moore')
  await shoot(page, 'import-preview-en-light')
  await dialog.getByRole('button', { name: 'Add 2 purchases' }).click()
  await expect(page.getByText('2 purchases imported')).toBeVisible()
  await expect(dialog).toBeHidden()

  // One undo step: undo removes exactly the imported purchases, redo puts them back.
  await page.keyboard.press(`${carnet.mod}+z`)
  await expect(page.getByText('Undone: Import purchases')).toBeVisible()
  dialog = await importFile()
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    '4 rows: 2 to add, 0 already imported, 1 with problems',
  )
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await page.keyboard.press(`Shift+${carnet.mod}+z`)
  await expect(page.getByText('Redone: Import purchases')).toBeVisible()

  dialog = await importFile()
  await expect(dialog.getByTestId('import-summary')).toHaveText(
    '4 rows: 0 to add, 2 already imported, 1 with problems',
  )
  await expect(dialog.getByRole('button', { name: 'Nothing new to add.' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

  // A purchase added by hand counts like an imported one.
  await carnet.openCustomer('Julian Moore')
  const value = page.getByTestId('value')
  const before = await value.innerText()
  const card = page.getByTestId('customer-rfm')
  await card.getByRole('button', { name: 'Add a purchase' }).click()
  await card.getByRole('textbox', { name: 'Amount' }).fill('abc')
  await card.getByRole('button', { name: 'Add purchase' }).click()
  await expect(card.getByRole('alert')).toHaveText('Enter an amount such as 12.50')
  await card.getByRole('textbox', { name: 'Amount' }).fill('12,50')
  await card.getByRole('button', { name: 'Add purchase' }).click()
  await expect(page.getByText('Purchase added')).toBeVisible()
  await expect(value).not.toHaveText(before)

  // Segment members export as formula-safe CSV.
  await carnet.goTo('Segments')
  await segment(page, 'Champions').click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export as CSV' }).click()
  const csv = await readFile(await (await download).path(), 'utf8')
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFid,name,emails,phones,tags,stage,currency,total,purchases,last_purchase,last_contact,recency,frequency,monetary,rfm_group,tier',
  )
  expect(csv).toContain(',champions,')
  expect(errors).toEqual([])
})

for (const scheme of ['light', 'dark'] as const) {
  test(`Segments, its charts, tables and import preview pass axe in ${scheme}`, async ({
    page,
  }) => {
    test.setTimeout(90_000)
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    const carnet = new Carnet(page)
    await carnet.open()
    await carnet.startWithSample('English')
    await carnet.goTo('Segments')
    await segment(page, 'Champions').click()
    const check = async (screen: string) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .flatMap((violation) =>
          violation.nodes.map((node) => `[${screen}] ${violation.id}: ${node.target.join(' ')}`),
        )
    }
    // The segment history is computed once it comes into view: bring it there first.
    await page.getByTestId('segment-history').scrollIntoViewIfNeeded()
    await expect(page.getByTestId('chart-segment-flows')).toBeVisible({ timeout: 20_000 })
    const found = await check('segments')
    for (const chart of ['value-map', 'rfm-grid', 'pareto', 'segment-sizes', 'segment-flows']) {
      await page
        .getByTestId(`chart-${chart}`)
        .getByRole('button', { name: 'Show as a table' })
        .click()
    }
    found.push(...(await check('chart tables')))
    await carnet.openCustomer('Mark Oliver')
    found.push(...(await check('customer page')))
    await carnet.goTo('Segments')
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import purchases from CSV…' }).click()
    await (await chooser).setFiles(CSV)
    await expect(page.getByTestId('import-summary')).toBeVisible()
    found.push(...(await check('import preview')))
    expect(found).toEqual([])
  })
}
