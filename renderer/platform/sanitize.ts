/**
 * The last gate between a note's HTML and the DOM. `renderNoteHtml` (src/notes/markdown.ts)
 * already emits only safe markup; this second, independent pass with DOMPurify makes a bug there
 * (or in markdown-it) harmless. It keeps exactly what the renderer produces and nothing else:
 *
 * - tags: text structure only; no style, script, svg, math, forms, frames, media or images;
 * - attributes: href, title, rel, class, start and data-entity; never style or on*;
 * - links: an external href must pass `isAllowedExternalUrl` (the desktop shell's own check);
 *   the only other href is the `#` of a mention carrying a well-formed `data-entity`;
 * - classes: only the renderer's own, so a note cannot borrow the app's styles.
 */
import DOMPurify from 'dompurify'
import type { Config, DOMPurify as Purifier } from 'dompurify'
import { ENTITY_ID_PATTERN } from '../../src/notebook/note-text'
import { ALIGN_CLASSES, NOTE_CLASSES } from '../../src/notes/markdown'
import { isAllowedExternalUrl } from '../../src/platform/external-links'

const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'span',
]

const ALLOWED_ATTR = ['href', 'title', 'rel', 'class', 'start', 'data-entity']

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // data-entity is listed by name; no other data-* or aria-* from a note.
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // DOMPurify's own URI check runs first; the hook below then applies Carnet's stricter one.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#$)/i,
  // DOMPurify holds every attribute outside its URI-safe list to ALLOWED_URI_REGEXP; these two
  // are not URIs (a list's first number, an entity id checked in the hook).
  ADD_URI_SAFE_ATTR: ['start', 'data-entity'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Dropped with their content: their text is not something the note meant to show.
  FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math'],
} satisfies Config

const KNOWN_CLASSES = new Set<string>([...Object.values(NOTE_CLASSES), ...ALIGN_CLASSES])
// Fenced code keeps the language its writer named, as a class with a prefix the app never uses.
const LANGUAGE_CLASS = /^language-[A-Za-z0-9_+-]{1,40}$/

function keepKnownClasses(element: Element): void {
  const value = element.getAttribute('class')
  if (value === null) return
  const kept = value
    .split(/\s+/)
    .filter((name) => KNOWN_CLASSES.has(name) || LANGUAGE_CLASS.test(name))
  if (kept.length > 0) element.setAttribute('class', kept.join(' '))
  else element.removeAttribute('class')
}

/** Leaves an anchor either a mention, an allowed external link, or no link at all. */
function checkAnchor(anchor: Element): void {
  const href = anchor.getAttribute('href')
  const entity = anchor.getAttribute('data-entity')
  const isMention =
    href === '#' &&
    entity !== null &&
    ENTITY_ID_PATTERN.test(entity) &&
    anchor.classList.contains(NOTE_CLASSES.mention)
  if (isMention) {
    anchor.removeAttribute('rel')
    return
  }
  anchor.removeAttribute('data-entity')
  anchor.classList.remove(NOTE_CLASSES.mention)
  if (isAllowedExternalUrl(href)) {
    anchor.setAttribute('rel', 'noopener noreferrer')
  } else {
    // An anchor without href is inert: not focusable, not followed.
    anchor.removeAttribute('href')
    anchor.removeAttribute('rel')
  }
}

function afterSanitizeAttributes(node: Element): void {
  keepKnownClasses(node)
  if (node.nodeName === 'A') checkAnchor(node)
  else node.removeAttribute('data-entity')
}

let purifier: Purifier | undefined

// Made on first use, with its own hooks, so nothing else in the page that used DOMPurify's
// shared instance would inherit them, and importing this module needs no window yet.
function getPurifier(): Purifier {
  if (!purifier) {
    purifier = DOMPurify(window)
    purifier.addHook('afterSanitizeAttributes', afterSanitizeAttributes)
  }
  return purifier
}

/** The note HTML, reduced to what `renderNoteHtml` may produce, as a string for the DOM. */
export function sanitizeNoteHtml(html: string): string {
  return getPurifier().sanitize(html, CONFIG)
}
