import { memo, useMemo } from 'react'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  exceedsRenderLimit,
  NOTE_CLASSES,
  NOTE_PREVIEW_LIMIT,
  NOTE_RENDER_LIMIT,
  renderNoteHtml,
} from '../../src/notes/markdown'
import { isAllowedExternalUrl } from '../../src/platform/external-links'
import { getBridge } from '../platform/bridge'
import { sanitizeNoteHtml } from '../platform/sanitize'
import './Markdown.css'

export interface MarkdownProps {
  /** A note's markdown, as written. */
  text: string
  /** Called with the entity id when a mention is clicked; mentions do nothing without it. */
  onEntity?: (id: string) => void
  /**
   * Render only the beginning (NOTE_PREVIEW_LIMIT), for a folded card that shows a few lines:
   * drawing a long note whole there would cost time for text nobody sees yet.
   */
  preview?: boolean
  className?: string
}

/** The anchor a click landed in, if it is inside this note's own markup. */
function anchorOf(event: MouseEvent<HTMLElement>): HTMLAnchorElement | null {
  const target = event.target
  if (!(target instanceof Element)) return null
  const anchor = target.closest('a')
  return anchor && event.currentTarget.contains(anchor) ? anchor : null
}

/**
 * A note's markdown, formatted. No link in a note ever navigates the page: a mention calls
 * `onEntity`, an allowed external link opens in the system's browser or mail app through the
 * bridge, anything else does nothing.
 */
export const Markdown = memo(function Markdown({
  text,
  onEntity,
  preview = false,
  className,
}: MarkdownProps) {
  const { t, i18n } = useTranslation()
  const limit = preview ? NOTE_PREVIEW_LIMIT : NOTE_RENDER_LIMIT
  const html = useMemo(() => sanitizeNoteHtml(renderNoteHtml(text, limit)), [text, limit])
  // A preview's cut is hidden under the fold; only a full render that is cut says so.
  const isTruncated = !preview && exceedsRenderLimit(text, limit)

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = anchorOf(event)
    if (!anchor) return
    event.preventDefault()
    const entity = anchor.getAttribute('data-entity')
    if (entity !== null && anchor.classList.contains(NOTE_CLASSES.mention)) {
      onEntity?.(entity)
      return
    }
    // Checked again here, not trusted from the markup: this is where a link leaves Carnet.
    const href = anchor.getAttribute('href')
    if (isAllowedExternalUrl(href)) void getBridge().openExternal(href)
  }

  // A middle click would open the href in a new window: refused like any other navigation.
  const onAuxClick = (event: MouseEvent<HTMLDivElement>) => {
    if (anchorOf(event)) event.preventDefault()
  }

  return (
    <div className={className ? `markdown ${className}` : 'markdown'} dir="auto">
      <div
        className="markdown-body"
        onClick={onClick}
        onAuxClick={onAuxClick}
        // Safe: `html` is the note rendered by markdown-it with raw HTML off and links checked,
        // then reduced by DOMPurify to an allowlist of text tags and attributes (no scripts,
        // no event handlers, no styles, no remote resources, only allowed hrefs). Nothing else
        // is ever passed here.
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {isTruncated && (
        <p className="markdown-truncated">
          {t('markdown.truncated', { shown: NOTE_RENDER_LIMIT.toLocaleString(i18n.language) })}
        </p>
      )}
    </div>
  )
})
