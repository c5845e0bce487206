/** A page object for the ecosystem map: the moves a user makes on it, named as they would say them. */
import type { Download, Locator, Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect } from '../fixtures'

export class MapPage {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.getByTestId('map-canvas')
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: /^(Map|Carte)$/ })
      .click()
    await expect(this.canvas()).toBeVisible()
  }

  async settled(timeout = 20_000): Promise<void> {
    await expect(this.canvas()).toHaveAttribute('data-settling', 'false', { timeout })
  }

  /** The screen point of a point of the canvas. */
  async at(x: number, y: number): Promise<{ x: number; y: number }> {
    const box = (await this.canvas().locator('canvas').boundingBox())!
    return { x: box.x + x, y: box.y + y }
  }

  async addEntity(x: number, y: number, kind: string, name: string): Promise<void> {
    const point = await this.at(x, y)
    await this.page.mouse.dblclick(point.x, point.y)
    const dialog = this.page.getByRole('dialog', { name: /New entry|Nouvelle fiche/ })
    await dialog.getByRole('combobox', { name: /^(Kind|Type)$/ }).selectOption({ label: kind })
    await dialog.getByRole('textbox', { name: /^(Name|Nom)$/ }).fill(name)
    await dialog.getByRole('button', { name: /^(Add|Ajouter)$/ }).click()
    await expect(dialog).toBeHidden()
    await expect(this.options().filter({ hasText: name })).toHaveCount(1)
  }

  /** Draws a tie by dragging with Shift from one point to another, then picks its type. */
  async tie(
    from: { x: number; y: number },
    to: { x: number; y: number },
    type: string,
  ): Promise<void> {
    const a = await this.at(from.x, from.y)
    const b = await this.at(to.x, to.y)
    await this.page.keyboard.down('Shift')
    await this.page.mouse.move(a.x, a.y)
    await this.page.mouse.down()
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 })
    await this.page.mouse.move(b.x, b.y, { steps: 4 })
    await this.page.mouse.up()
    await this.page.keyboard.up('Shift')
    const dialog = this.page.getByRole('dialog', { name: /New tie|Nouveau lien/ })
    await dialog.getByRole('combobox', { name: /^Type$/ }).selectOption({ label: type })
    await dialog.getByRole('button', { name: /Tie them|Les lier/ }).click()
    await expect(dialog).toBeHidden()
  }

  /** The entries of the map as the screen reader list says them. */
  options(): Locator {
    return this.canvas().getByRole('option', { includeHidden: true })
  }

  async optionTexts(): Promise<string[]> {
    return (await this.options().allTextContents()).sort()
  }

  /** Moves the pointer off the map and clears the selection, so a picture shows no highlight. */
  async rest(): Promise<void> {
    await this.page.mouse.move(1, 1)
    await this.canvas().focus()
    await this.page.keyboard.press('Escape')
    await this.page.locator('h1').click()
  }

  /** The canvas's pixels (RGBA), to compare two drawings. */
  async pixels(): Promise<{ width: number; height: number; data: Buffer }> {
    const { width, height, base64 } = await this.canvas()
      .locator('canvas')
      .evaluate((element: HTMLCanvasElement) => {
        const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height)
        let binary = ''
        for (let i = 0; i < data.length; i += 0x8000) {
          binary += String.fromCharCode(...data.subarray(i, i + 0x8000))
        }
        return { width: element.width, height: element.height, base64: btoa(binary) }
      })
    return { width, height, data: Buffer.from(base64, 'base64') }
  }

  /** How many pixels of the canvas differ from its background. */
  async paintedPixels(): Promise<number> {
    return paintedPixels(this.canvas().locator('canvas'))
  }

  async export(label: RegExp): Promise<{ download: Download; bytes: Buffer }> {
    await this.page.locator('summary', { hasText: /^(Export|Exporter)$/ }).click()
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: label }).click(),
    ])
    const path = await download.path()
    return { download, bytes: await readFile(path) }
  }
}

/**
 * How many pixels of two drawings of the same size differ visibly (by more than a faint
 * anti-aliasing shade): a moved entry, name or tie changes hundreds at least.
 */
/** How many pixels of a canvas differ from its first pixel, the background, by more than a shade. */
export function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height)
    const [r, g, b] = [data[0]!, data[1]!, data[2]!]
    let painted = 0
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) > 30)
        painted++
    }
    return painted
  })
}

export function visiblyDifferentPixels(
  a: { width: number; height: number; data: Buffer },
  b: { width: number; height: number; data: Buffer },
): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY
  let different = 0
  for (let i = 0; i < a.data.length; i += 4) {
    const delta =
      Math.abs(a.data[i]! - b.data[i]!) +
      Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
      Math.abs(a.data[i + 2]! - b.data[i + 2]!)
    if (delta > 96) different++
  }
  return different
}
