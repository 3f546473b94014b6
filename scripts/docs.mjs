// Build coursebook's documentation (docs/) with coursebook itself. The
// configuration reference and the diagnostics catalogue are generated from the
// schema and the rule table first, so they cannot drift from the code.
// Usage: node scripts/docs.mjs [--strict] (after `tsc -p tsconfig.build.json`).
import {writeFileSync} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {configReferenceMarkdown} from '../lib/src/config/reference.js'
import {diagnosticsCatalogueMarkdown} from '../lib/src/diagnostics/catalogue.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const reference = join(root, 'docs', 'content', '04-reference')
writeFileSync(join(reference, '01-configuration.md'), configReferenceMarkdown())
writeFileSync(join(reference, '02-diagnostics.md'), diagnosticsCatalogueMarkdown())

const args = ['bin/coursebook.js', 'build', '--config', 'docs/site.config.ts', ...process.argv.slice(2)]
const run = spawnSync(process.execPath, args, {cwd: root, stdio: 'inherit'})
process.exit(run.status ?? 1)
