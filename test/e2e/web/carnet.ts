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

  async addCustomer(name: string): Promise<void> {
    await this.runCommand('New customer')
    await this.answerPrompt(name)
  }

  customerRows(): Locator {
    return this.page.getByTestId('customer-row')
  }

  counts(): Locator {
    return this.page.getByTestId('home-counts')
  }
}
