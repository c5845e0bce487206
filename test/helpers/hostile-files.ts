/**
 * Hostile import files (test/fixtures/hostile/csv, vcard and graphs, plus big or byte-level ones
 * generated here): one list per format, shared by the unit tests over each parser and by the
 * end-to-end test that feeds them through the UI. Payloads call `window.__pwned` (TRAP in
 * hostile-notes.ts). See test/fixtures/hostile/README.md.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface HostileFile {
  label: string
  /** The file name the user would pick (its extension matters to the file chooser). */
  name: string
  bytes: Uint8Array
  /** Generated here (big or byte-level) rather than stored. */
  generated: boolean
}

const HOSTILE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile')
const encoder = new TextEncoder()

function stored(folder: string): HostileFile[] {
  return readdirSync(join(HOSTILE, folder))
    .sort()
    .map((name) => ({
      label: name,
      name,
      bytes: new Uint8Array(readFileSync(join(HOSTILE, folder, name))),
      generated: false,
    }))
}

function generated(label: string, name: string, content: string | Uint8Array): HostileFile {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content
  return { label, name, bytes, generated: true }
}

/** Text as UTF-16 little-endian with its byte-order mark, as Excel's "Unicode text" saves it. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  bytes.set([0xff, 0xfe])
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    bytes[2 + index * 2] = code & 0xff
    bytes[3 + index * 2] = code >> 8
  }
  return bytes
}

/** The start of a zip archive (a .xlsx renamed, or a zip bomb): binary noise to a CSV reader. */
function zipLike(size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  bytes.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00])
  for (let index = 8; index < size; index++) bytes[index] = (index * 7919) % 256
  return bytes
}

const SHOPIFY_HEADER = 'Name,Email,Financial Status,Currency,Total,Created at,Billing Name'

/** Purchase CSV files. The stored ones are small; these are big or byte-level. */
export function hostileCsvFiles(): HostileFile[] {
  const rows = (count: number, row: (index: number) => string) =>
    Array.from({ length: count }, (_, index) => row(index)).join('\n')
  return [
    ...stored('csv'),
    generated(
      'UTF-16 with a byte-order mark',
      'utf16.csv',
      utf16le(`\uFEFF${SHOPIFY_HEADER}\r\n#1,a@example.com,paid,EUR,1.00,2026-06-01,Zoé\r\n`),
    ),
    generated(
      'Latin-1 with a formula',
      'latin1.csv',
      new Uint8Array([
        ...encoder.encode(`${SHOPIFY_HEADER}\n#1,a@example.com,paid,EUR,1.00,2026-06-01,Zo`),
        0xe9,
        ...encoder.encode(' =HYPERLINK("x")\n'),
      ]),
    ),
    generated(
      'invalid UTF-8 and lone surrogates',
      'invalid-utf8.csv',
      new Uint8Array([
        ...encoder.encode(`${SHOPIFY_HEADER}\n#1,a@example.com,paid,EUR,1.00,2026-06-01,`),
        0xc3,
        0x28,
        0xed,
        0xa0,
        0x80,
        0xf8,
        0x88,
        0x80,
        0x80,
        0x80,
        0x0a,
      ]),
    ),
    generated('a zip archive renamed .csv', 'archive.csv', zipLike(200_000)),
    generated(
      'a 10 MB single field',
      'huge-field.csv',
      `${SHOPIFY_HEADER}\n#1,a@example.com,paid,EUR,"${'9'.repeat(10_000_000)}",2026-06-01,Zoe\n`,
    ),
    generated(
      '100,000 columns in the header',
      'wide.csv',
      `${Array.from({ length: 100_000 }, (_, index) => `c${String(index)}`).join(',')}\n1,2,3\n`,
    ),
    generated(
      '1,000,000 rows, every one a problem',
      'million-rows.csv',
      `${SHOPIFY_HEADER}\n${rows(1_000_000, (index) => `#${String(index)},,paid,EUR,NaN,0000-00-00,`)}\n`,
    ),
  ]
}

/** vCard files: the stored ones, and bombs. */
export function hostileVCards(): HostileFile[] {
  const card = (body: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\n${body}END:VCARD\r\n`
  return [
    ...stored('vcard'),
    generated(
      'BEGIN:VCARD nested 10,000 deep',
      'nested.vcf',
      'BEGIN:VCARD\r\nFN:Outer\r\n'.repeat(10_000) + 'END:VCARD\r\n'.repeat(10_000),
    ),
    generated(
      'a quoted-printable bomb',
      'qp-bomb.vcf',
      card(
        'FN:QP\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:' +
          `${'=E2=82=AC'.repeat(24)}=\r\n`.repeat(40_000) +
          'end\r\n',
      ),
    ),
    generated(
      'a base64 photo bomb, with a javascript: photo URI after it',
      'base64-bomb.vcf',
      card(
        `FN:Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${'QUFBQUFB'.repeat(9)}\r\n` +
          ` ${'QUFBQUFB'.repeat(9)}\r\n`.repeat(100_000) +
          'PHOTO;VALUE=uri:javascript:window.__pwned()\r\n',
      ),
    ),
    generated(
      'a folded line that never ends',
      'endless-fold.vcf',
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Endless\r\nNOTE:x\r\n${' folded\r\n'.repeat(200_000)}`,
    ),
    generated(
      '20,000 cards with no name at all',
      'nameless.vcf',
      card(
        'NOTE:nobody\r\nPHOTO;VALUE=uri:data:text/html,<script>window.__pwned()</script>\r\n',
      ).repeat(20_000),
    ),
    generated(
      '50,000 parameters on one line',
      'parameters.vcf',
      card(`FN${';__proto__=polluted'.repeat(50_000)}:Params\r\n`),
    ),
  ]
}

/** GraphML and GEXF files: the stored ones, and deep or huge ones. */
export function hostileGraphs(): HostileFile[] {
  const graphml = (body: string) =>
    `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">${body}</graph></graphml>`
  return [
    ...stored('graphs'),
    generated(
      '10,000-level nesting',
      'deep.graphml',
      graphml('<node id="n"><graph>'.repeat(10_000) + '</graph></node>'.repeat(10_000)),
    ),
    generated(
      'a 10 MB attribute value',
      'huge-attribute.gexf',
      `<gexf><graph><nodes><node id="a" label="${'A'.repeat(10_000_000)}"/></nodes></graph></gexf>`,
    ),
    generated(
      'a 10 MB label in a data element',
      'huge-label.graphml',
      graphml(`<node id="a"><data key="label">${'&lt;'.repeat(2_500_000)}</data></node>`),
    ),
    generated(
      'character references out of range',
      'char-refs.graphml',
      graphml('<node id="a"><data key="label">&#x110000;&#99999999999;</data></node>'),
    ),
    generated(
      '1,000 nodes, each with an edge to a node that does not exist',
      'dangling.graphml',
      graphml(
        Array.from(
          { length: 1_000 },
          (_, index) =>
            `<node id="n${String(index)}"/><edge source="n${String(index)}" target="ghost${String(index)}"/>`,
        ).join(''),
      ),
    ),
  ]
}

/** A file's bytes as the text a UTF-8 reader sees. */
export function textOf(file: HostileFile): string {
  return new TextDecoder().decode(file.bytes)
}
