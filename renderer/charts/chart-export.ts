/**
 * Exports a chart drawn on the page as a standalone SVG or a PNG. The page's chart is styled by
 * CSS classes and variables (light and dark themes), which a file opened elsewhere would lose, so
 * the export copies each element's computed colours and type into attributes first. The PNG is
 * that SVG drawn onto a canvas (`drawImage`), at twice the size for sharp text.
 */
import { getBridge } from '../platform/bridge'
import type { SaveFileResult } from '../../src/platform/desktop-bridge'

const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const

export function serialiseSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement
  const originals = [svg, ...svg.querySelectorAll('*')]
  const copies = [clone, ...clone.querySelectorAll('*')]
  originals.forEach((original, index) => {
    const copy = copies[index]
    if (!copy) return
    const style = getComputedStyle(original)
    for (const property of INLINED) {
      const value = style.getPropertyValue(property)
      if (value) copy.setAttribute(property, value)
    }
    copy.removeAttribute('class')
    copy.removeAttribute('tabindex')
    copy.removeAttribute('role')
  })
  const box = svg.viewBox.baseVal
  const width = box.width || svg.clientWidth
  const height = box.height || svg.clientHeight
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  clone.setAttribute('width', String(width))
  clone.setAttribute('height', String(height))
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute(
    'fill',
    getComputedStyle(svg).getPropertyValue('--surface').trim() || '#ffffff',
  )
  clone.insertBefore(background, clone.firstChild)
  return { text: new XMLSerializer().serializeToString(clone), width, height }
}

export async function svgToPng(
  text: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2D canvas')
    context.drawImage(image, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('the PNG could not be made')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    URL.revokeObjectURL(url)
  }
}

export async function exportChart(
  svg: SVGSVGElement,
  baseName: string,
  format: 'svg' | 'png',
  fileTypeName: string,
): Promise<SaveFileResult> {
  const { text, width, height } = serialiseSvg(svg)
  const bytes =
    format === 'svg' ? new TextEncoder().encode(text) : await svgToPng(text, width, height)
  return getBridge().saveFile({
    title: `${baseName}.${format}`,
    suggestedName: `${baseName}.${format}`,
    filters: [{ name: fileTypeName, extensions: [format] }],
    bytes,
  })
}
