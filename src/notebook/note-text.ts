/**
 * What a note's markdown says about its structure: mentions are links
 * `[@Name](carnet:entity/<id>)`, tags are inline `#words` (letters, digits, `_` and `-`, any
 * alphabet). Both are read from the text so the text stays the one source of truth.
 */
export const ENTITY_LINK_PREFIX = 'carnet:entity/'

const MENTION = /\[@([^\]\n]{1,500})\]\(carnet:entity\/([A-Za-z0-9_-]{1,64})\)/g
// A tag starts after a space, line start or opening punctuation, so `a#b` and URLs' #anchors
// are not tags; it is not a markdown heading (`# Title` has a space after the #).
const TAG = /(^|[\s([{"'«“])#([\p{L}\p{N}][\p{L}\p{N}_-]{0,99})/gu

/** What an entity id in a mention link may be: the id grammar of MENTION, alone. */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/**
 * A fresh copy of the tag grammar, for code that must find tags where `extractTags` does (the
 * markdown renderer). A fresh copy because a global regex carries `lastIndex` between uses.
 * Group 1 is what precedes the `#` (empty at the start of the text), group 2 the tag itself.
 */
export function tagPattern(): RegExp {
  return new RegExp(TAG.source, TAG.flags)
}

export function mentionLink(id: string, name: string): string {
  const safeName = name.replace(/[[\]\n]/g, ' ').trim()
  return `[@${safeName}](${ENTITY_LINK_PREFIX}${id})`
}

/** The ids of the entities a note mentions, each once, in order of first mention. */
export function extractMentions(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((match) => match[2]!))]
}

/** The tags of a note, lowercase, each once, in order of first use. */
export function extractTags(text: string): string[] {
  const withoutLinks = text.replace(MENTION, ' ').replace(/\]\([^)]*\)/g, '] ')
  return [...new Set([...withoutLinks.matchAll(TAG)].map((match) => match[2]!.toLocaleLowerCase()))]
}
