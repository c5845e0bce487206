/**
 * Passphrase encryption of exported files, with WebCrypto only (no crypto library): AES-GCM with
 * a 256-bit key derived from the passphrase by PBKDF2-SHA256.
 *
 * The envelope is JSON, so a reader can tell what it is and refuse it clearly:
 * `{format: 'carnet-encrypted', version: 1, kdf: {name, hash, iterations, salt}, cipher: {name, iv},
 * data}`, binary fields in base64. The iteration count is read from the file (so it can grow in
 * later versions) but refused below `MIN_ITERATIONS` (a weakened file) and above
 * `MAX_ITERATIONS` (a file that would hang the app deriving its key). AES-GCM authenticates the
 * data, so a wrong passphrase and a tampered file are both refused, never half-read.
 */

export const ENCRYPTED_FORMAT = 'carnet-encrypted'
export const ENCRYPTED_VERSION = 1
export const MIN_ITERATIONS = 600_000
export const MAX_ITERATIONS = 10_000_000
const SALT_BYTES = 16
const IV_BYTES = 12

export interface EncryptedEnvelope {
  format: typeof ENCRYPTED_FORMAT
  version: typeof ENCRYPTED_VERSION
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string }
  cipher: { name: 'AES-GCM'; iv: string }
  data: string
}

export type DecryptError =
  | { code: 'newer-encryption'; version: number }
  | { code: 'bad-envelope' }
  | { code: 'unsafe-iterations'; iterations: number }
  | { code: 'wrong-passphrase' }

export type DecryptResult = { ok: true; bytes: Uint8Array } | { ok: false; error: DecryptError }

/** The part of WebCrypto used here (the core is compiled without DOM types). */
interface SubtleLike {
  importKey(
    format: 'raw',
    key: Uint8Array,
    algorithm: string,
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>
  deriveKey(
    algorithm: { name: string; hash: string; salt: Uint8Array; iterations: number },
    base: unknown,
    derived: { name: string; length: number },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>
  encrypt(
    algorithm: { name: string; iv: Uint8Array },
    key: unknown,
    data: Uint8Array,
  ): Promise<ArrayBuffer>
  decrypt(
    algorithm: { name: string; iv: Uint8Array },
    key: unknown,
    data: Uint8Array,
  ): Promise<ArrayBuffer>
}

function subtle(): SubtleLike {
  const found = (globalThis as unknown as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle
  if (!found) throw new Error('WebCrypto is not available')
  return found
}

interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array }
  TextDecoder: new (
    label?: string,
    options?: { fatal?: boolean },
  ) => { decode(bytes: Uint8Array): string }
}
const codecs = globalThis as unknown as TextCodecs

export function utf8Encode(text: string): Uint8Array {
  return new codecs.TextEncoder().encode(text)
}

/** Decodes UTF-8, refusing invalid sequences (a damaged file) with an exception. */
export function utf8Decode(bytes: Uint8Array): string {
  return new codecs.TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number) {
  const base = await subtle().importKey(
    'raw',
    utf8Encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export async function encryptBytes(
  plain: Uint8Array,
  passphrase: string,
  iterations = MIN_ITERATIONS,
): Promise<EncryptedEnvelope> {
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be between ${MIN_ITERATIONS} and ${MAX_ITERATIONS}`)
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const key = await deriveKey(passphrase, salt, iterations)
  const cipher = await subtle().encrypt({ name: 'AES-GCM', iv }, key, plain)
  return {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(new Uint8Array(cipher)),
  }
}

/** Whether parsed JSON claims to be an encrypted envelope (it may still be damaged). */
export function isEncryptedEnvelope(data: unknown): boolean {
  return isRecord(data) && data.format === ENCRYPTED_FORMAT
}

export async function decryptEnvelope(data: unknown, passphrase: string): Promise<DecryptResult> {
  if (!isRecord(data) || data.format !== ENCRYPTED_FORMAT) return fail({ code: 'bad-envelope' })
  if (typeof data.version === 'number' && data.version > ENCRYPTED_VERSION) {
    return fail({ code: 'newer-encryption', version: data.version })
  }
  const { kdf, cipher } = data
  if (data.version !== ENCRYPTED_VERSION || !isRecord(kdf) || !isRecord(cipher)) {
    return fail({ code: 'bad-envelope' })
  }
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || cipher.name !== 'AES-GCM') {
    return fail({ code: 'bad-envelope' })
  }
  const iterations = kdf.iterations
  if (typeof iterations !== 'number' || !Number.isInteger(iterations))
    return fail({ code: 'bad-envelope' })
  if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    return fail({ code: 'unsafe-iterations', iterations })
  }
  const salt = fromBase64(kdf.salt)
  const iv = fromBase64(cipher.iv)
  const payload = fromBase64(data.data)
  if (!salt || salt.length !== SALT_BYTES || !iv || iv.length !== IV_BYTES || !payload) {
    return fail({ code: 'bad-envelope' })
  }
  const key = await deriveKey(passphrase, salt, iterations)
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv }, key, payload)
    return { ok: true, bytes: new Uint8Array(plain) }
  } catch {
    // GCM cannot tell a wrong passphrase from altered data: both fail authentication.
    return fail({ code: 'wrong-passphrase' })
  }
}

function fail(error: DecryptError): DecryptResult {
  return { ok: false, error }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Map([...ALPHABET].map((char, index) => [char, index]))

export function toBase64(bytes: Uint8Array): string {
  let out = ''
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index]!
    const b = bytes[index + 1]
    const c = bytes[index + 2]
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += ALPHABET[(triple >> 18) & 63]! + ALPHABET[(triple >> 12) & 63]!
    out += b === undefined ? '=' : ALPHABET[(triple >> 6) & 63]!
    out += c === undefined ? '=' : ALPHABET[triple & 63]!
  }
  return out
}

/** Decodes strict base64 (whitespace allowed); undefined when it is not base64. */
export function fromBase64(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.replace(/\s+/g, '')
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - padding)
  let position = 0
  for (let index = 0; index < text.length; index += 4) {
    const quad = [0, 1, 2, 3].map((offset) => LOOKUP.get(text[index + offset]!) ?? 0)
    const triple = (quad[0]! << 18) | (quad[1]! << 12) | (quad[2]! << 6) | quad[3]!
    for (const shift of [16, 8, 0]) {
      if (position < out.length) out[position++] = (triple >> shift) & 255
    }
  }
  return out
}
