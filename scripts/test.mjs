/**
 * `npm test`: the one command that says whether Carnet works. CI runs exactly this (.ci/run).
 *
 * Steps run in order and stop at the first failure, cheapest first so a typo fails in seconds:
 * types, lint, unit + component tests, the audit of production dependencies, the two production
 * builds, then the end-to-end tests against those builds. `--quick` stops after the unit tests, for the inner loop while coding.
 */
import { performance } from 'node:perf_hooks'
import { bin, electronBinaryPath, ensureChromium, ensureDependencies, run } from './setup.mjs'

const USAGE = `Usage: npm test [-- --quick]

  --quick   types, lint and unit/component tests only (no builds, no end-to-end tests)`

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE)
  process.exit(0)
}
const unknown = args.filter((arg) => arg !== '--quick')
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown.join(' ')}\n\n${USAGE}`)
  process.exit(2)
}
const quick = args.includes('--quick')

/** @type {{ name: string, command: string, args: string[], full?: boolean }[]} */
const STEPS = [
  // tsc colours its output whatever FORCE_COLOR says; CI logs are plain text.
  {
    name: 'typecheck',
    command: 'tsc',
    args: process.env.CI ? ['-b', '--pretty', 'false'] : ['-b'],
  },
  { name: 'lint', command: 'eslint', args: ['.', '--max-warnings=0'] },
  { name: 'unit', command: 'vitest', args: ['run'] },
  // Advisories for what ships; needs the registry, so not in --quick. Licences are a unit test.
  { name: 'audit', command: 'node', args: ['scripts/audit.mjs'], full: true },
  // The e2e web project serves this build; building it here also catches renderer build errors.
  {
    name: 'build web',
    command: 'vite',
    args: ['build', '--config', 'vite.web.config.ts'],
    full: true,
  },
  // Cheap, and catches main/preload build errors the web build cannot see.
  { name: 'build desktop', command: 'electron-vite', args: ['build'], full: true },
  { name: 'e2e', command: 'playwright', args: ['test'], full: true },
]
const steps = STEPS.filter((step) => !quick || !step.full)

const env = { ...process.env }
// CI logs are read as plain text; colour codes only clutter them.
if (env.CI) env.FORCE_COLOR = '0'

await ensureDependencies()
if (!quick) {
  const chromium = ensureChromium()
  // playwright.config.ts reads this instead of resolving again. Empty means Playwright's own
  // browser, which Playwright locates by itself.
  env.CARNET_CHROMIUM = chromium.executablePath ?? ''
  console.log(`\nEnd-to-end browser: ${chromium.executablePath ?? "Playwright's own Chromium"}`)
  if (!electronBinaryPath()) {
    console.log('Electron binary not installed: the electron end-to-end tests will be skipped.')
  }
}

/** @type {{ name: string, result: string, seconds: number | null }[]} */
const results = []
let failed = null
for (const step of steps) {
  if (failed) {
    results.push({ name: step.name, result: 'not run', seconds: null })
    continue
  }
  const line = `${step.command} ${step.args.join(' ')}`
  console.log(`\n> [${step.name}] ${line}\n`)
  const started = performance.now()
  const program = step.command === 'node' ? process.execPath : bin(step.command)
  const code = await run(program, step.args, { env })
  const seconds = (performance.now() - started) / 1000
  results.push({ name: step.name, result: code === 0 ? 'ok' : `FAILED (exit ${code})`, seconds })
  if (code !== 0) {
    failed = { step, line, code }
    console.error(`\n!! Step "${step.name}" failed (exit code ${code}): ${line}`)
  }
}

const width = Math.max(...results.map((r) => r.name.length), 'step'.length) + 2
const row = (name, result, time) => `${name.padEnd(width)}${result.padEnd(18)}${time}`.trimEnd()
const rows = results.map((r) =>
  row(r.name, r.result, r.seconds === null ? '' : `${r.seconds.toFixed(1)} s`),
)
console.log(['', row('step', 'result', 'time'), ...rows, ''].join('\n'))

if (failed) {
  console.error(`npm test FAILED at step "${failed.step.name}": ${failed.line}`)
  process.exit(failed.code || 1)
}
console.log(`npm test passed: ${results.length} steps${quick ? ' (--quick)' : ''}`)
