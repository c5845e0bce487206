/**
 * Which links may leave Carnet for the system's own apps. Checked with the URL parser, never
 * with string prefixes, so `JAVASCRIPT:`, `java\tscript:` or `https:\\evil` tricks fail.
 */
export const EXTERNAL_PROTOCOLS = ['https:', 'http:', 'mailto:', 'tel:'] as const

export function isAllowedExternalUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 8_192) return false
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (!(EXTERNAL_PROTOCOLS as readonly string[]).includes(url.protocol)) return false
  if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname === '') return false
  // Credentials in a link are a phishing trick (https://bank.com@evil.example).
  if (url.username !== '' || url.password !== '') return false
  return true
}
