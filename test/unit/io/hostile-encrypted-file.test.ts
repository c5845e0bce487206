/**
 * Encrypted `.carnet` files built to attack (`readNotebookBytes` over src/io/encryption.ts): a
 * wrong passphrase, a flipped bit in the ciphertext or in the tag, key derivation settings that
 * would hang the app for minutes (or are not numbers at all), envelopes truncated anywhere,
 * damaged base64 and wrong salt or IV sizes. Each is refused with its error code, quickly (an
 * absurd iteration count is refused before any key is derived); none throws or is half-read.
 * What notebook-transfer.test.ts covers already (a wrong passphrase on a real export, the
 * iteration bounds, a replaced ciphertext) is not repeated. See test/fixtures/hostile/README.md.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  MAX_ITERATIONS,
  encryptBytes,
  fromBase64,
  toBase64,
  utf8Encode,
} from '../../../src/io/encryption'
import type { EncryptedEnvelope } from '../../../src/io/encryption'
import { readNotebookBytes } from '../../../src/io/notebook-transfer'
import type { ReadResult } from '../../../src/io/notebook-transfer'

const PASSPHRASE = 'correct horse battery staple'
const NOTEBOOK = JSON.stringify({
  format: 'carnet-notebook',
  formatVersion: 1,
  schemaVersion: 1,
  name: 'Secret',
  exportedAt: 1,
  tables: {},
})

let envelope: EncryptedEnvelope

beforeAll(async () => {
  envelope = await encryptBytes(utf8Encode(NOTEBOOK), PASSPHRASE)
})

const bytesOf = (value: unknown) =>
  utf8Encode(typeof value === 'string' ? value : JSON.stringify(value))

/** Reads within the budget; a refusal never throws. */
async function read(value: unknown, budgetMs: number): Promise<ReadResult> {
  const started = performance.now()
  const result = await readNotebookBytes(bytesOf(value), PASSPHRASE)
  expect(performance.now() - started).toBeLessThan(budgetMs)
  return result
}

const errorCode = (result: ReadResult) => (result.ok ? 'read' : result.error.code)

/** The envelope's ciphertext with one bit flipped at `index` (negative: from the end). */
function flipped(index: number): EncryptedEnvelope {
  const data = fromBase64(envelope.data)!
  data[(index + data.length) % data.length]! ^= 1
  return { ...envelope, data: toBase64(data) }
}

describe('hostile encrypted notebook files', () => {
  it('reads the untouched envelope (the attacks below start from it)', async () => {
    expect(errorCode(await read(envelope, 10_000))).toBe('read')
  })

  it('refuses a flipped bit in the ciphertext or in the authentication tag', async () => {
    // AES-GCM puts its 16-byte tag at the end of the data.
    for (const index of [0, -17, -1]) {
      expect(errorCode(await read(flipped(index), 10_000))).toBe('wrong-passphrase')
    }
    const withoutTag = fromBase64(envelope.data)!.subarray(0, -16)
    expect(errorCode(await read({ ...envelope, data: toBase64(withoutTag) }, 10_000))).toBe(
      'wrong-passphrase',
    )
  })

  it('refuses absurd key derivation settings at once, before deriving any key', async () => {
    const absurd: unknown[] = [
      MAX_ITERATIONS + 1,
      2 ** 31,
      Number.MAX_SAFE_INTEGER,
      1e308,
      0,
      -600_000,
    ]
    for (const iterations of absurd) {
      const result = await read({ ...envelope, kdf: { ...envelope.kdf, iterations } }, 100)
      expect(errorCode(result)).toBe('unsafe-iterations')
    }
    const notNumbers: unknown[] = ['600000', 600_000.5, null, [600_000], { valueOf: 600_000 }]
    for (const iterations of notNumbers) {
      const result = await read({ ...envelope, kdf: { ...envelope.kdf, iterations } }, 100)
      expect(errorCode(result)).toBe('bad-envelope')
    }
    // JSON has no Infinity or NaN: written as numbers too big to hold, they are refused too.
    const huge = JSON.stringify(envelope).replace(/"iterations":\d+/, '"iterations":1e999')
    expect(errorCode(await read(huge, 100))).toMatch(/^(unsafe-iterations|bad-envelope)$/)
    const other = { ...envelope, kdf: { ...envelope.kdf, name: 'scrypt', hash: 'SHA-1' } }
    expect(errorCode(await read(other, 100))).toBe('bad-envelope')
  })

  it('refuses damaged base64 and wrong salt or IV sizes before deriving any key', async () => {
    const damaged: EncryptedEnvelope[] = [
      { ...envelope, data: `${envelope.data.slice(0, -3)}!` },
      { ...envelope, kdf: { ...envelope.kdf, salt: toBase64(new Uint8Array(4)) } },
      { ...envelope, cipher: { ...envelope.cipher, iv: toBase64(new Uint8Array(64)) } },
      { ...envelope, cipher: { ...envelope.cipher, iv: 'not base64' } },
    ]
    for (const value of damaged) expect(errorCode(await read(value, 100))).toBe('bad-envelope')
    const prototypeKeys = JSON.stringify(envelope).replace('"kdf":', '"__proto__":{"x":1},"kdf":')
    expect(errorCode(await read(prototypeKeys, 10_000))).toBe('read')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('refuses an envelope truncated anywhere, never half-reading it', async () => {
    const text = JSON.stringify(envelope)
    for (let cut = 1; cut < text.length; cut += Math.ceil(text.length / 60)) {
      const result = await read(text.slice(0, cut), 100)
      expect(result.ok).toBe(false)
      expect(errorCode(result)).toMatch(/^(not-json|bad-envelope|needs-passphrase)$/)
    }
    // The ciphertext cut short but still valid base64: authentication fails.
    const data = fromBase64(envelope.data)!
    const cut = { ...envelope, data: toBase64(data.subarray(0, data.length - 3)) }
    expect(errorCode(await read(cut, 10_000))).toBe('wrong-passphrase')
  })
})
