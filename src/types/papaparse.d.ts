/**
 * The part of PapaParse's API the core uses. `@types/papaparse` pulls in all of Node's types
 * (it describes Node streams too), which would let Node-only globals into the core unnoticed;
 * `tsconfig.core.json` maps the module here instead.
 */
declare module 'papaparse' {
  interface ParseConfig {
    delimiter?: string
    delimitersToGuess?: string[]
    skipEmptyLines?: boolean | 'greedy'
    quoteChar?: string
    newline?: string
  }
  interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch'
    code: string
    message: string
    row?: number
  }
  interface ParseMeta {
    delimiter: string
    linebreak: string
    aborted: boolean
    truncated: boolean
  }
  interface ParseResult<T> {
    data: T[]
    errors: ParseError[]
    meta: ParseMeta
  }
  const Papa: { parse<T>(input: string, config?: ParseConfig): ParseResult<T> }
  export default Papa
}
