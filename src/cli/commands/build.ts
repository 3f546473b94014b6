import {parseArgs} from 'node:util'
import {relative} from 'node:path'
import {build, isFailure} from '../../pipeline/run.js'
import {locateConfig} from '../../config/load.js'
import {printDiagnostics, printFatal, type Output} from '../output.js'
import {parseReleaseDate} from '../../load/release.js'
import {configSchema, type ResolvedConfig} from '../../config/schema.js'

/** The audiences a build can be for, as the config schema lists them. */
const AUDIENCES: readonly string[] = configSchema.shape.audience.unwrap().options

/** The `--audience` option: undefined when absent, `null` when it names no audience. */
export function parseAudienceOption(value: string | undefined): ResolvedConfig['audience'] | null | undefined {
  if (value === undefined) return undefined
  return AUDIENCES.includes(value) ? (value as ResolvedConfig['audience']) : null
}

/** What to print when `--audience` names no audience. */
export function audienceOptionError(value: string | undefined): string {
  return `--audience ${value} is not an audience. Use one of: ${AUDIENCES.join(', ')}.`
}

/**
 * The `--now` and `--audience` options `build` and `dev` share, checked; on a
 * bad value the message is printed and undefined returned.
 */
export function readBuildFor(values: {now?: string; audience?: string}, output: Output): {now?: Date; audience?: ResolvedConfig['audience']} | undefined {
  const now = parseNowOption(values.now)
  if (now === null) {
    output.err(`--now ${values.now} is not a date. Write it as YYYY-MM-DD, e.g. --now 2026-10-05.`)
    return undefined
  }
  const audience = parseAudienceOption(values.audience)
  if (audience === null) {
    output.err(audienceOptionError(values.audience))
    return undefined
  }
  return {now, audience}
}

/** The `--now` option: undefined when absent, `null` when it is not a date. */
export function parseNowOption(value: string | undefined): Date | null | undefined {
  return value === undefined ? undefined : parseReleaseDate(value)
}

export const buildHelp = `Usage: coursebook build [DIR] [--config FILE] [--out DIR] [--strict] [--no-cache] [--now DATE]
                       [--audience student|tutor|team] [--timings]

Build the course website into the output folder (default: dist/).

Options:
  DIR            the course folder: its site.config.ts, else a Jupyter Book's
                 _config.yml and _toc.yml (default: the current folder)
  --config FILE  the site config (default: ./site.config.ts), or a Jupyter
                 Book's _config.yml or _toc.yml
  --out DIR      write the site here instead of the config's outDir
                 (for a Jupyter Book: <book>/_build/coursebook)
  --strict       exit with status 1 on any warning, not only on errors
  --no-cache     render every page again instead of reusing unchanged ones
                 from .coursebook/cache/
  --now DATE     build as on DATE (YYYY-MM-DD): publish the units released
                 by then, to preview a release
  --audience A   who the site is for: student (the default: solutions and
                 tutor notes removed), tutor (kept, marked "Tutor only") or
                 team (as tutor, plus the course status page status.html);
                 overrides the config's audience
  --timings      print how long each phase of the build took
  -h, --help     show this help

Examples:
  coursebook build
  coursebook build --config ../tm258/site.config.ts --out public --strict
  coursebook build path/to/jupyter-book`

/** `coursebook build`: returns the exit code. */
export async function buildCommand(argv: string[], output: Output): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: {type: 'string'},
      out: {type: 'string'},
      strict: {type: 'boolean', default: false},
      'no-cache': {type: 'boolean', default: false},
      now: {type: 'string'},
      audience: {type: 'string'},
      timings: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h'},
    },
    strict: true,
  })
  if (values.help) {
    output.out(buildHelp)
    return 0
  }
  const target = readBuildFor(values, output)
  if (!target) return 1
  const {now, audience} = target
  if (positionals.length + (values.config ? 1 : 0) > 1) {
    output.err('Give one course folder, or --config FILE, not both. Run coursebook build --help.')
    return 1
  }
  const started = performance.now()
  try {
    const result = await build({
      now,
      audience,
      configPath: values.config ?? (positionals[0] === undefined ? undefined : locateConfig(positionals[0])),
      outDir: values.out,
      cache: !values['no-cache'],
      onProgress: (done, total) => output.progress(`building pages ${done}/${total}`),
    })
    printDiagnostics(output, result.diagnostics)
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    const where = relative(process.cwd(), result.outPath) || '.'
    const reused = result.pages.length - result.rendered.length
    const cached = reused > 0 ? `, ${reused} unchanged from the cache` : ''
    if (values.timings) output.out(`Timings: ${result.timings.map((t) => `${t.phase} ${t.ms.toFixed(0)} ms`).join(', ')}`)
    output.out(`Built ${result.pages.length} pages (${result.fileCount} files${cached}) into ${where}/ in ${seconds} s. Open ${where}/index.html in a browser.`)
    return isFailure(result.diagnostics, values.strict) ? 1 : 0
  } catch (error) {
    printFatal(output, error)
    return 1
  }
}
