import {parseArgs} from 'node:util'
import {spawn} from 'node:child_process'
import {DevSession, type DevBuildReport} from '../../dev/session.js'
import {locateConfig} from '../../config/load.js'
import {formatDiagnostic} from '../../diagnostics/report.js'
import {printFatal, type Output} from '../output.js'
import {readBuildFor} from './build.js'

export const devHelp = `Usage: coursebook dev [DIR] [--config FILE] [--port 4000] [--host 127.0.0.1] [--open] [--now DATE]
                     [--audience student|tutor]

Build the course, serve it, and rebuild what changes as you edit. The open
page reloads by itself; build errors show in the browser and here, and the
last good pages stay served until they are fixed.

Options:
  DIR            the course folder: its site.config.ts, else a Jupyter Book's
                 _config.yml and _toc.yml (default: the current folder)
  --config FILE  the site config (default: ./site.config.ts), or a Jupyter
                 Book's _config.yml or _toc.yml
  --port N       port to serve on (default: 4000; 0 picks a free one)
  --host HOST    address to bind (default: 127.0.0.1, this machine only)
  --open         open the site in the default browser
  --now DATE     serve the course as on DATE (YYYY-MM-DD), to preview a release
  --audience A   who the site is for: student (the default) or tutor
  -h, --help     show this help

Examples:
  coursebook dev
  coursebook dev --port 8080 --open`

/** `coursebook dev`: runs until interrupted; resolves to the exit code. */
export async function devCommand(argv: string[], output: Output): Promise<number> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: {type: 'string'},
      port: {type: 'string', default: '4000'},
      host: {type: 'string', default: '127.0.0.1'},
      open: {type: 'boolean', default: false},
      now: {type: 'string'},
      audience: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
    strict: true,
  })
  if (values.help) {
    output.out(devHelp)
    return 0
  }
  const target = readBuildFor(values, output)
  if (!target) return 1
  const {now, audience} = target
  const session = new DevSession({
    now,
    audience,
    configPath: values.config ?? locateConfig(positionals[0] ?? process.cwd()),
    port: Number(values.port),
    host: values.host,
    onBuild: (report) => printReport(output, report),
  })
  let url: string
  try {
    url = await session.start()
  } catch (error) {
    printFatal(output, error)
    return 1
  }
  output.out(`Serving the course at ${url} (Ctrl+C to stop)`)
  if (values.open) spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [url], {stdio: 'ignore', detached: true}).on('error', () => undefined).unref()
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))
  await session.close()
  return 0
}

function printReport(output: Output, report: DevBuildReport): void {
  const shown = report.diagnostics.filter((d) => d.severity !== 'info')
  for (const d of shown) output.err(formatDiagnostic(d))
  const ms = report.milliseconds.toFixed(0)
  if (report.error) output.err(`Build failed in ${ms} ms; still serving the last good site.`)
  else output.out(`Rebuilt ${report.rendered.length} page${report.rendered.length === 1 ? '' : 's'}, wrote ${report.written.length} file${report.written.length === 1 ? '' : 's'} in ${ms} ms`)
}
