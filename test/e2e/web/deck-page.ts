/** A page object for decks and the presentation: the moves a facilitator makes. */
import type { Locator, Page } from '@playwright/test'
import { expect } from '../fixtures'

export class DeckPage {
  constructor(readonly page: Page) {}

  /** "Add to deck" on the current map, or on one chart card. */
  async addView(scope?: Locator): Promise<void> {
    const toasts = this.page.getByTestId('toast')
    const before = await toasts.count()
    await (scope ?? this.page)
      .getByRole('button', { name: /^(Add to deck|Ajouter à la présentation)$/ })
      .click()
    await expect(toasts).toHaveCount(before + 1)
    await expect(toasts.last()).toContainText(/Added to|Ajoutée à/)
  }

  async open(name: string): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /^(Decks|Présentations)$/ })
      .click()
    await this.page.getByRole('link', { name }).click()
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(name)
  }

  slides(): Locator {
    return this.page.getByTestId('deck-slide')
  }

  presentation(): Locator {
    return this.page.getByTestId('presentation')
  }

  position(): Locator {
    return this.page.getByTestId('present-position')
  }

  async present(): Promise<void> {
    await this.page.keyboard.press('F5')
    await expect(this.presentation()).toBeVisible()
  }

  /** The entries of the map slide on screen, as their accessible list names them. */
  entries(): Locator {
    return this.presentation().getByTestId('slide-entry')
  }
}
