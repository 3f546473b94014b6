import {parseArgs} from 'node:util'
import {relative, resolve} from 'node:path'
import {build, isFailure} from '../../pipeline/run.js'
import {locateConfig} from '../../config/load.js'
import {printDiagnostics, printFatal, type Output} from '../output.js'
import {readBuildFor} from './build.js'

export const exportHelp = `Usage: coursebook export ouxml [DIR] [--config FILE] [--unit NAME] [--out DIR] [--validate] [--schema PATH] [--strict] [--no-cache]
                              [--now DATE] [--audience student|tutor|team]

Write the course as OU-XML for the OU VLE, and nothing else: one document per
unit (or one for the course, with ouxml.itemPer: 'course'), as <name>.xml, the
images and packages it refers to in folders beside it, and <name>.zip holding
both. The website is not written.

Options:
  DIR            the course folder: its site.config.ts, else a Jupyter Book's
                 _config.yml and _toc.yml (default: the current folder)
  --config FILE  the site config (default: ./site.config.ts), or a Jupyter
                 Book's _config.yml or _toc.yml
  --unit NAME    export only this unit (its folder name or slug); repeat for more
  --out DIR      write the export here instead of <outDir>/ouxml/
  --validate     validate every document against the OU-XML schema given by
                 --schema or ouxml.schema, and report each error at its source
  --schema PATH  the schema (.xsd) to validate against; implies --validate
  --strict       exit with status 1 on any warning, not only on errors
  --no-cache     render every page again instead of reusing unchanged ones
  --now DATE     export as on DATE (YYYY-MM-DD): the units released by then,
                 e.g. to hand a unit to the VLE before its release date
  --audience A   who the export is for: student (the default: solutions and
                 tutor notes removed), tutor or team
  -h, --help     show this help

Examples:
  coursebook export ouxml
  coursebook export ouxml --unit week-02-modelling-motion --out vle
  coursebook export ouxml --unit week-05-filters --now 2026-11-02
  coursebook export ouxml --schema ../ouxml-schema/OUIntermediateSchema.xsd`

/** `coursebook export <format>`: returns the exit code. */
export async function exportCommand(argv: string[], output: Output): Promise<number> {
  const [format, ...rest] = argv
  if (format === '-h' || format === '--help' || format === undefined) {
    output.out(exportHelp)
    return format === undefined ? 1 : 0
  }
  if (format !== 'ouxml') {
    output.err(`Unknown export format "${format}"; the one format is ouxml. Run coursebook export --help.`)
    return 1
  }
  const {values, positionals} = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      config: {type: 'string'},
      unit: {type: 'string', multiple: true},
      out: {type: 'string'},
      validate: {type: 'boolean', default: false},
      schema: {type: 'string'},
      strict: {type: 'boolean', default: false},
      'no-cache': {type: 'boolean', default: false},
      now: {type: 'string'},
      audience: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
    strict: true,
  })
  if (values.help) {
    output.out(exportHelp)
    return 0
  }
  if (positionals.length + (values.config ? 1 : 0) > 1) {
    output.err('Give one course folder, or --config FILE, not both. Run coursebook export --help.')
    return 1
  }
  const target = readBuildFor(values, output)
  if (!target) return 1
  const started = performance.now()
  try {
    const result = await build({
      now: target.now,
      audience: target.audience,
      configPath: values.config ?? (positionals[0] === undefined ? undefined : locateConfig(positionals[0])),
      outDir: values.out,
      cache: !values['no-cache'],
      outputs: {html: false, ouxml: true},
      ouxml: {units: values.unit, validate: values.validate || values.schema !== undefined, schema: values.schema ? resolve(values.schema) : undefined},
      onProgress: (done, total) => output.progress(`converting pages ${done}/${total}`),
    })
    printDiagnostics(output, result.diagnostics)
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    const where = relative(process.cwd(), result.outPath) || '.'
    const documents = result.ouxml?.documents ?? []
    const names = documents.map((d) => `${d.name}.xml`).join(', ')
    output.out(`Exported ${documents.length} OU-XML document${documents.length === 1 ? '' : 's'} (${result.fileCount} files) into ${where}/ in ${seconds} s${names ? `: ${names}` : ''}.`)
    const validation = result.ouxml?.validation
    if (validation) {
      const schema = relative(process.cwd(), validation.schema) || validation.schema
      output.out(validation.errors === 0 ? `Every document is valid against ${schema}.` : `${validation.errors} schema error${validation.errors === 1 ? '' : 's'} against ${schema} (listed above).`)
    }
    return isFailure(result.diagnostics, values.strict) ? 1 : 0
  } catch (error) {
    printFatal(output, error)
    return 1
  }
}
