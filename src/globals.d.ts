/**
 * The few platform globals the core may use. The core is compiled without DOM or Node types so
 * that it cannot reach for either by accident; these are available in pages, workers and Node.
 */
declare global {
  interface Crypto {
    randomUUID(): string
    getRandomValues<T extends ArrayBufferView>(array: T): T
  }
  var crypto: Crypto
  interface URL {
    readonly protocol: string
    readonly hostname: string
    readonly username: string
    readonly password: string
    readonly pathname: string
    readonly href: string
  }
  var URL: { new (url: string, base?: string): URL }
  function structuredClone<T>(value: T): T
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean })
    decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string
  }
  class TextEncoder {
    encode(input?: string): Uint8Array
  }
  var console: {
    log(...args: unknown[]): void
    warn(...args: unknown[]): void
    error(...args: unknown[]): void
  }
  var performance: { now(): number }
  function setTimeout(handler: () => void, ms?: number): number
  function clearTimeout(id: number | undefined): void
}
export {}
