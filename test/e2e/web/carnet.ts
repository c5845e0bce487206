/** A page object for Carnet's shell: the moves a user makes, named as they would say them. */
import type { Locator, Page } from '@playwright/test'
import { expect } from '../fixtures'

export class Carnet {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/')
    await expect(this.page.locator('#root')).not.toBeEmpty()
  }

  get mod(): string {
    return process.platform === 'darwin' ? 'Meta' : 'Control'
  }

  async startWithSample(language: 'English' | 'Français' = 'English'): Promise<void> {
    await this.page.getByLabel(/Sample language|Langue de l’exemple/).selectOption({ label: language })
    await this.page.getByRole('button', { name: /Open the sample|Ouvrir l’exemple/ }).click()
    await expect(this.page.getByRole('navigation')).toBeVisible({ timeout: 15_000 })
  }

  async startEmpty(): Promise<void> {
    await this.page.getByRole('button', { name: /Create the notebook|Créer le carnet/ }).click()
    await expect(this.page.getByRole('navigation')).toBeVisible()
  }

  section(name: RegExp | string): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name })
  }

  async goTo(name: RegExp | string): Promise<void> {
    await this.section(name).click()
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible()
  }

  async runCommand(text: string): Promise<void> {
    await this.page.keyboard.press(`${this.mod}+k`)
    const input = this.palette().getByRole('combobox')
    await expect(input).toBeFocused()
    await input.fill(text)
    await this.page.keyboard.press('Enter')
  }

  palette(): Locator {
    return this.page.getByRole('dialog', { name: /Command palette|Palette de commandes/ })
  }

  async answerPrompt(value: string): Promise<void> {
    const dialog = this.page.getByRole('dialog')
    await dialog.getByRole('textbox').fill(value)
    await dialog.getByRole('button').last().click()
    await expect(dialog).toBeHidden()
  }

  /** `timeout`: how long the write may take (a notebook at full size, its workers busy). */
  async addCustomer(name: string, { timeout }: { timeout?: number } = {}): Promise<void> {
    await this.runCommand('New customer')
    await this.answerPrompt(name)
    await this.customerAdded(name, { timeout })
  }

  /** Waits until the new customer `name` is written: it says so, and has gone to the list. */
  async customerAdded(name: string, { timeout }: { timeout?: number } = {}): Promise<void> {
    await expect(this.page.getByTestId('toast').filter({ hasText: name })).toBeVisible({
      timeout,
    })
  }

  customerRows(): Locator {
    return this.page.getByTestId('customer-row')
  }

  counts(): Locator {
    return this.page.getByTestId('home-counts')
  }

  /** The customers list (a grid whose rows are virtualised: only rows in view are in the page). */
  customerGrid(): Locator {
    return this.page.getByRole('grid', { name: /^(Customers|Clients)$/ })
  }

  /** Opens a customer's page from the list, searching for them first. */
  async openCustomer(name: string): Promise<void> {
    if (!/#\/customers$/.test(this.page.url())) await this.goTo(/^(Customers|Clients)$/)
    await this.searchCustomers(name)
    await this.page.getByRole('rowheader', { name, exact: true }).click()
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(name)
  }

  async searchCustomers(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: /Filter customers|Filtrer les clients/ }).fill(text)
  }

  async sortCustomersBy(column: RegExp | string): Promise<void> {
    await this.customerGrid().getByRole('columnheader').getByRole('button', { name: column }).click()
  }

  async filterCustomersByTag(tag: string): Promise<void> {
    await this.page.getByLabel(/^(Tag|Étiquette)$/).selectOption(tag)
  }

  /** The names in the rows of the customers list that are in the page, top to bottom. */
  customerNames(): Promise<string[]> {
    return this.customerRows().getByRole('rowheader').allInnerTexts()
  }

  /** The quick capture dialog. */
  capture(): Locator {
    return this.page.getByTestId('capture')
  }

  /** Opens the quick capture with the browser-safe shortcut (Ctrl+N opens a window in Chrome). */
  async openCapture(): Promise<void> {
    await this.page.keyboard.press('Alt+n')
    await expect(this.captureText()).toBeFocused()
  }

  captureText(): Locator {
    return this.capture().getByRole('combobox', { name: /^(Note)$/ })
  }

  mentionOptions(): Locator {
    return this.capture().getByRole('listbox').getByRole('option')
  }

  /** Closes the capture with Escape and waits until it is gone (the note saved). */
  async closeCapture(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.capture()).toBeHidden()
  }

  /** Writes a whole note: text, and optionally its kind and a follow-up date. */
  async writeNote(text: string, options: { kind?: string; followUpDue?: string } = {}): Promise<void> {
    await this.openCapture()
    await this.page.keyboard.type(text)
    if (options.kind) await this.capture().getByRole('combobox', { name: /^(Kind|Type)/ }).selectOption(options.kind)
    if (options.followUpDue) {
      await this.capture().locator('input[type="date"]').fill(options.followUpDue)
    }
    await this.captureText().focus()
    await this.closeCapture()
  }

  journalNotes(): Locator {
    return this.page.getByTestId('journal-note')
  }

  /** Shows a screen by its address, without reloading (which would clear the undo history). */
  async showHash(hash: string): Promise<void> {
    await this.page.evaluate((value) => {
      window.location.hash = value
    }, hash)
  }

  trashItems(): Locator {
    return this.page.getByTestId('trash-item')
  }
}
