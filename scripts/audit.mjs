/**
 * `npm audit` of what ships (production dependencies only), as a step of `npm test`.
 *
 * Fails on any high or critical advisory. The advisories come from the npm registry; when its
 * audit endpoint cannot be reached (offline, or a mirror that does not serve it), the step says so
 * loudly and passes: an unreachable service must not block work, but it must not look like a
 * clean audit either. Licences are checked offline by test/unit/security/licences.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const FAILING = ['high', 'critical']

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const result = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
  cwd: ROOT,
  encoding: 'utf8',
  shell: process.platform === 'win32',
  timeout: 60_000,
  maxBuffer: 64 * 1024 * 1024,
})

/** @param {string} text */
function parse(text) {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

const report = parse(result.stdout ?? '')
const counts = report?.metadata?.vulnerabilities

if (!counts) {
  const reason =
    report?.message ??
    report?.error?.summary ??
    result.error?.message ??
    (result.stderr || '').trim()
  const bar = '!'.repeat(78)
  console.warn(
    [
      bar,
      '!! npm audit could not reach the registry audit service: NO ADVISORY WAS CHECKED.',
      `!! ${String(reason || 'no answer').split('\n')[0]}`,
      '!! Run `npm audit --omit=dev` where the registry is reachable before releasing.',
      bar,
    ].join('\n'),
  )
  process.exit(0)
}

const bySeverity = Object.entries(counts).filter(([severity]) => severity !== 'total')
const total = bySeverity.reduce((sum, [, count]) => sum + Number(count), 0)
console.log(
  `npm audit (production dependencies): ${total} advisories (` +
    bySeverity.map(([severity, count]) => `${severity} ${count}`).join(', ') +
    ')',
)
for (const [name, vulnerability] of Object.entries(report.vulnerabilities ?? {})) {
  const titles = (vulnerability.via ?? [])
    .map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title} (${via.url})`))
    .join('; ')
  console.log(
    `  ${vulnerability.severity.padEnd(8)} ${name} ${vulnerability.range ?? ''}: ${titles}`,
  )
}
const failing = FAILING.reduce((sum, severity) => sum + Number(counts[severity] ?? 0), 0)
if (failing > 0) {
  console.error(`\n${failing} high or critical advisories in production dependencies.`)
  console.error('Update them (`npm audit fix --omit=dev`, or a newer version) before going on.')
  process.exit(1)
}
