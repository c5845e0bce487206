/**
 * The little XML Carnet needs for GraphML and GEXF, without a DOM (the core runs in workers and
 * in Node): escaping for writing, and a small, strict reader for importing.
 *
 * Why not a library: these formats use plain elements, attributes and text, and a reader that
 * understands only that has no entity expansion (no "billion laughs"), no external fetches and no
 * DOCTYPE processing at all — less to go wrong than a general parser, and no extra dependency.
 */

/** Characters XML 1.0 cannot hold at all, even escaped (most control characters, lone surrogates). */
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The text as XML can carry it: characters XML 1.0 forbids are dropped. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID, '')
}

export function escapeText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
}

export interface XmlElement {
  /** Local name, without any namespace prefix. */
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  /** The element's own text (CDATA included), concatenated. */
  text: string
}

export class XmlError extends Error {
  override name = 'XmlError'
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decode(raw: string, attribute: boolean): string {
  const normalised = raw.replace(/\r\n?/g, '\n')
  const spaced = attribute ? normalised.replace(/[\t\n]/g, ' ') : normalised
  return spaced.replace(
    /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g,
    (match, body: string | undefined) => {
      if (!body) throw new XmlError('A lone & in the text')
      if (body.startsWith('#x')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16))
      if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10))
      // Own keys only: `&constructor;` must not reach Object.prototype.constructor.
      const named = Object.hasOwn(NAMED, body) ? NAMED[body] : undefined
      if (named === undefined) throw new XmlError(`Unknown entity &${body};`)
      return named
    },
  )
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

/** Reads a document into its root element. Throws `XmlError` on anything malformed. */
export function parseXml(source: string): XmlElement {
  let at = 0
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  const names: string[] = []
  const top = () => stack[stack.length - 1]!
  while (at < source.length) {
    const open = source.indexOf('<', at)
    if (open === -1) {
      top().text += decode(source.slice(at), false)
      break
    }
    if (open > at) top().text += decode(source.slice(at, open), false)
    if (source.startsWith('<!--', open)) {
      const end = source.indexOf('-->', open + 4)
      if (end === -1) throw new XmlError('Unclosed comment')
      at = end + 3
    } else if (source.startsWith('<![CDATA[', open)) {
      const end = source.indexOf(']]>', open + 9)
      if (end === -1) throw new XmlError('Unclosed CDATA')
      top().text += source.slice(open + 9, end)
      at = end + 3
    } else if (source.startsWith('<?', open)) {
      const end = source.indexOf('?>', open + 2)
      if (end === -1) throw new XmlError('Unclosed processing instruction')
      at = end + 2
    } else if (source.startsWith('<!', open)) {
      const end = source.indexOf('>', open)
      if (end === -1 || source.slice(open, end).includes('[')) {
        throw new XmlError('Document type declarations are not read')
      }
      at = end + 1
    } else if (source.startsWith('</', open)) {
      const end = source.indexOf('>', open)
      if (end === -1) throw new XmlError('Unclosed end tag')
      const name = source.slice(open + 2, end).trim()
      if (names.pop() !== name) throw new XmlError(`Unexpected </${name}>`)
      stack.pop()
      at = end + 1
    } else {
      const tag =
        /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
          source.slice(open, open + 100_000),
        )
      if (!tag) throw new XmlError(`Malformed tag at ${String(open)}`)
      const [whole, name = '', attributeText = '', selfClosing] = tag
      const attributes: Record<string, string> = {}
      for (const match of attributeText.matchAll(
        /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
      )) {
        const key = match[1]!
        if (key === 'xmlns' || key.startsWith('xmlns:')) continue
        attributes[localName(key)] = decode(match[2] ?? match[3] ?? '', true)
      }
      const element: XmlElement = { name: localName(name), attributes, children: [], text: '' }
      top().children.push(element)
      if (!selfClosing) {
        stack.push(element)
        names.push(name)
      }
      at = open + whole.length
    }
    if (stack.length > 200) throw new XmlError('Too deeply nested')
  }
  if (stack.length !== 1) throw new XmlError(`Unclosed <${names[names.length - 1] ?? ''}>`)
  const [first, ...others] = root.children
  if (!first || others.length > 0) throw new XmlError('A document has exactly one root element')
  return first
}

/** Children with a given local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name)
}
