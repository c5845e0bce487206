/**
 * Notes as HTML: one markdown-it set up so that a note can show its formatting without ever
 * carrying markup, scripts or remote loads of its own.
 *
 * - Raw HTML in a note is text (`html: false`), and the raw-HTML render rules escape too, in case
 *   a plugin or a later option ever lets such a token through.
 * - A link is kept only when it leaves for https, http, mailto or tel (the same check as the
 *   desktop shell's `openExternal`) or names an entity (`carnet:entity/<id>`); any other link
 *   (javascript:, data:, file:, relative…) loses its anchor and keeps its text.
 * - Mentions become `<a class="mention" data-entity="<id>" href="#">`: the page acts on the id,
 *   never on the href. `#tags` become `<span class="note-tag">`, found with the grammar
 *   `extractTags` uses, so what is highlighted is what is indexed.
 * - Images are never loaded (a tracking pixel would tell a stranger the note was read): their
 *   alt text is shown instead.
 * - No inline styles: the page's CSP refuses them, so table alignment becomes a class.
 *
 * The output is still sanitised again before it reaches the DOM (renderer/platform/sanitize.ts);
 * these rules keep it small and predictable, the second pass keeps a markdown-it bug harmless.
 * This module needs no DOM: it runs in pages, workers and Node tests alike.
 */
import MarkdownIt from 'markdown-it'
import type { StateCore, Token } from 'markdown-it'
import { isAllowedExternalUrl } from '../platform/external-links'
import { ENTITY_ID_PATTERN, ENTITY_LINK_PREFIX, tagPattern } from '../notebook/note-text'

/**
 * Notes longer than this (UTF-16 code units, about 200 KB of text) render only their beginning:
 * a pasted log of a megabyte would otherwise freeze the page while it parses and lays out.
 * The note itself is never cut; only what is drawn.
 */
export const NOTE_RENDER_LIMIT = 200_000

/**
 * How much of a note a folded preview renders: far more than the few lines it shows at any
 * width, far less than a long note, so a journal of long notes stays quick to draw.
 */
export const NOTE_PREVIEW_LIMIT = 10_000

/** The classes the rendered HTML may carry; the sanitiser keeps these and drops any other. */
export const NOTE_CLASSES = {
  mention: 'mention',
  externalLink: 'external-link',
  tag: 'note-tag',
  imageAlt: 'note-image-alt',
  truncated: 'note-truncated',
} as const

/** Table cells' alignment, as classes instead of the inline style markdown-it would write. */
export const ALIGN_CLASSES = ['align-left', 'align-center', 'align-right'] as const

const md = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
  breaks: true,
})

const escapeHtml = md.utils.escapeHtml

function isEntityHref(href: string): boolean {
  return (
    href.startsWith(ENTITY_LINK_PREFIX) &&
    ENTITY_ID_PATTERN.test(href.slice(ENTITY_LINK_PREFIX.length))
  )
}

// markdown-it calls this with the normalised (percent-encoded) destination of every link,
// autolink, linkified text, reference definition and image. A refused inline link still becomes
// a link token with an empty href; `shapeInline` below drops its anchor.
md.validateLink = (url: string) => isEntityHref(url) || isAllowedExternalUrl(url)

type LinkKind = 'mention' | 'external' | 'refused'

/** Decides what a link becomes and rewrites its attributes to exactly that. */
function shapeLink(token: Token): LinkKind {
  const raw = token.attrGet('href')
  const href = typeof raw === 'string' ? raw : ''
  if (isEntityHref(href)) {
    token.attrs = [
      ['href', '#'],
      ['class', NOTE_CLASSES.mention],
      ['data-entity', href.slice(ENTITY_LINK_PREFIX.length)],
    ]
    return 'mention'
  }
  if (isAllowedExternalUrl(href)) {
    const title = token.attrGet('title')
    token.attrs = [
      ['href', href],
      ['class', NOTE_CLASSES.externalLink],
      ['rel', 'noopener noreferrer'],
    ]
    if (typeof title === 'string' && title !== '') token.attrs.push(['title', title])
    return 'external'
  }
  return 'refused'
}

/**
 * Splits one text token around its `#tags`. `atBoundary` says whether the token starts where a
 * tag may start (the start of a line); otherwise a `#` at its very start follows markup such as
 * `*` or an escape, where `extractTags`, reading the source, would not see a tag either.
 */
function splitTags(token: Token, atBoundary: boolean, state: StateCore): Token[] {
  const text = token.content
  if (!text.includes('#')) return [token]
  // A leading letter makes `^` useless to the pattern when the token is not at a boundary.
  const shift = atBoundary ? 0 : 1
  const subject = atBoundary ? text : `x${text}`
  const pieces: Token[] = []
  let done = 0
  const pushText = (content: string) => {
    if (content === '') return
    const piece = new state.Token('text', '', 0)
    piece.content = content
    pieces.push(piece)
  }
  for (const match of subject.matchAll(tagPattern())) {
    const start = match.index + match[1]!.length - shift
    const tag = `#${match[2]!}`
    pushText(text.slice(done, start))
    const piece = new state.Token('note_tag', '', 0)
    piece.content = tag
    pieces.push(piece)
    done = start + tag.length
  }
  if (pieces.length === 0) return [token]
  pushText(text.slice(done))
  return pieces
}

function shapeChildren(children: Token[], state: StateCore): Token[] {
  const shaped: Token[] = []
  // Kinds of the links we are inside, so each link_close follows the fate of its link_open.
  const links: LinkKind[] = []
  let atLineStart = true
  for (const token of children) {
    if (token.type === 'link_open') {
      const kind = shapeLink(token)
      links.push(kind)
      if (kind !== 'refused') shaped.push(token)
    } else if (token.type === 'link_close') {
      if (links.pop() !== 'refused') shaped.push(token)
    } else if (token.type === 'text' && links.length === 0) {
      // Not inside links: a tag in a mention's name or a link's text would be a link in a link.
      shaped.push(...splitTags(token, atLineStart, state))
    } else {
      shaped.push(token)
    }
    atLineStart = token.type === 'softbreak' || token.type === 'hardbreak'
  }
  return shaped
}

function shapeInline(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'th_open' || token.type === 'td_open') {
      const style = token.attrGet('style')
      const align =
        typeof style === 'string' ? /^text-align:(left|center|right)$/.exec(style) : null
      token.attrs = align ? [['class', `align-${align[1]!}`]] : null
    } else if (token.type === 'inline' && token.children) {
      token.children = shapeChildren(token.children, state)
    }
  }
}

// Before text_join: escapes (`\#`) and entities (`&#35;`) are still their own tokens there, so a
// `#` that the writer escaped does not become a tag.
md.core.ruler.before('text_join', 'carnet_shape', shapeInline)

md.renderer.rules.note_tag = (tokens, index) =>
  `<span class="${NOTE_CLASSES.tag}">${escapeHtml(tokens[index]!.content)}</span>`

md.renderer.rules.image = (tokens, index, options, env, renderer) => {
  const alt = renderer.renderInlineAsText(tokens[index]!.children ?? [], options, env)
  return alt === '' ? '' : `<span class="${NOTE_CLASSES.imageAlt}">${escapeHtml(alt)}</span>`
}

// Unreachable with `html: false`; kept escaping so that no future option can turn them on.
md.renderer.rules.html_block = (tokens, index) => `<p>${escapeHtml(tokens[index]!.content)}</p>`
md.renderer.rules.html_inline = (tokens, index) => escapeHtml(tokens[index]!.content)

/** Whether a note is too long to be rendered whole within `limit` (see NOTE_RENDER_LIMIT). */
export function exceedsRenderLimit(markdown: string, limit = NOTE_RENDER_LIMIT): boolean {
  return markdown.length > limit
}

/**
 * A note's markdown as HTML that uses only p, br, strong, em, s, code, pre, blockquote, ul, ol,
 * li, h1–h6, hr, table parts, `a` (mentions and allowed external links) and `span` (tags, image
 * alt text, the truncation mark). A note longer than `limit` renders its beginning followed by
 * an ellipsis paragraph.
 */
export function renderNoteHtml(markdown: string, limit = NOTE_RENDER_LIMIT): string {
  if (!exceedsRenderLimit(markdown, limit)) return md.render(markdown)
  let end = limit
  // Never split a surrogate pair: half an emoji would render as a replacement character.
  const last = markdown.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return `${md.render(markdown.slice(0, end))}<p class="${NOTE_CLASSES.truncated}">…</p>\n`
}
