import {parseArgs} from 'node:util'
import {relative} from 'node:path'
import {build, isFailure} from '../../pipeline/run.js'
import {printDiagnostics, printFatal, type Output} from '../output.js'

export const buildHelp = `Usage: coursebook build [--config FILE] [--out DIR] [--strict] [--no-cache]

Build the course website into the output folder (default: dist/).

Options:
  --config FILE  the site config (default: ./site.config.ts)
  --out DIR      write the site here instead of the config's outDir
  --strict       exit with status 1 on any warning, not only on errors
  --no-cache     render every page again instead of reusing unchanged ones
                 from .coursebook/cache/
  -h, --help     show this help

Examples:
  coursebook build
  coursebook build --config ../tm258/site.config.ts --out public --strict`

/** `coursebook build`: returns the exit code. */
export async function buildCommand(argv: string[], output: Output): Promise<number> {
  const {values} = parseArgs({
    args: argv,
    options: {
      config: {type: 'string'},
      out: {type: 'string'},
      strict: {type: 'boolean', default: false},
      'no-cache': {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h'},
    },
    strict: true,
  })
  if (values.help) {
    output.out(buildHelp)
    return 0
  }
  const started = performance.now()
  try {
    const result = await build({
      configPath: values.config,
      outDir: values.out,
      cache: !values['no-cache'],
      onProgress: (done, total) => output.progress(`building pages ${done}/${total}`),
    })
    printDiagnostics(output, result.diagnostics)
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    const where = relative(process.cwd(), result.outPath) || '.'
    const reused = result.pages.length - result.rendered.length
    const cached = reused > 0 ? `, ${reused} unchanged from the cache` : ''
    output.out(`Built ${result.pages.length} pages (${result.fileCount} files${cached}) into ${where}/ in ${seconds} s. Open ${where}/index.html in a browser.`)
    return isFailure(result.diagnostics, values.strict) ? 1 : 0
  } catch (error) {
    printFatal(output, error)
    return 1
  }
}
