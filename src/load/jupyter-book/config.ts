import {existsSync, readFileSync} from 'node:fs'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import type {UserConfig} from '../../config/schema.js'
import type {Diagnostic} from '../../diagnostics/report.js'
import {CoursebookError, ConfigInvalid} from '../../diagnostics/errors.js'
import {bookDiagnostic} from './diagnostic.js'
import {mapBookConfig} from './config-map.js'
import {isRecord} from './toc-entries.js'
import {parseYamlSource, type YamlSource} from './yaml-source.js'

/** The Jupyter Book files that make a folder a book. */
export const BOOK_CONFIG_FILE = '_config.yml'
export const BOOK_TOC_FILE = '_toc.yml'
/** What makes a folder a book, in the order a folder is searched (after site.config.ts). */
export const BOOK_FILE_NAMES = [BOOK_CONFIG_FILE, BOOK_TOC_FILE]

export interface BookConfig {
  /** The config as a user would have written it in site.config.ts (not yet validated). */
  config: UserConfig
  /** The book folder: paths in the config resolve from it. */
  root: string
  /** `_config.yml`, or the toc when the book has no `_config.yml`. */
  configPath: string
  /** `_config.yml` (when present) and the toc: a change to either means a full rebuild. */
  dependencies: string[]
  /** Info diagnostics: what was made up or is not used. */
  notes: Diagnostic[]
}

/** Whether a config path names a Jupyter Book file (`_config.yml`, `_toc.yml` or a variant) rather than site.config.ts. */
export function isBookFile(path: string): boolean {
  return /\.ya?ml$/i.test(path)
}

/**
 * Read a Jupyter Book given by its `_config.yml` (then the toc is `_toc.yml`
 * beside it) or by a toc file (then `_config.yml` beside it is read when
 * present), as Jupyter Book's `jb build BOOK --config … --toc …` would. A
 * `_config.yml` that is not valid YAML, or not a mapping, stops the build
 * with `config-invalid` at its line; everything else is mapped leniently.
 */
export function readBookConfig(path: string): BookConfig {
  const given = resolve(path)
  const root = dirname(given)
  const givenIsConfig = /^_config/i.test(basename(given))
  const configFile = givenIsConfig ? given : join(root, BOOK_CONFIG_FILE)
  const tocFile = givenIsConfig ? join(root, BOOK_TOC_FILE) : given
  const hasConfig = existsSync(configFile)
  const source = hasConfig ? readYaml(configFile) : undefined
  const raw = source?.data ?? {}
  if (!isRecord(raw)) {
    throw new CoursebookError(ConfigInvalid, `${basename(configFile)} must be a mapping of settings (\`title: …\`), not a ${Array.isArray(raw) ? 'list' : typeof raw}`, {file: configFile, ...source?.locate([])})
  }
  const reportedIn = hasConfig ? configFile : tocFile
  const {config, notes} = mapBookConfig(raw, {
    bookDir: root,
    tocName: relative(root, tocFile).split(sep).join('/'),
    file: reportedIn,
    locate: (keyPath) => source?.locate(keyPath),
  })
  return {config, root, configPath: reportedIn, dependencies: hasConfig ? [configFile, tocFile] : [tocFile], notes}
}

function readYaml(file: string): YamlSource {
  const source = parseYamlSource(readFileSync(file, 'utf8'))
  if (source.error) {
    throw new CoursebookError(ConfigInvalid, `${basename(file)} is not valid YAML: ${source.error.message}`, {file, ...source.error.at})
  }
  return source
}

/**
 * When site.config.ts sits in a Jupyter Book folder, it wins: one note says
 * so, and whether the book's `_toc.yml` orders the course (it does only when
 * the config's `toc` names it).
 */
export function shadowedBookNotes(siteConfigPath: string, tocInConfig: string | undefined): Diagnostic[] {
  const folder = dirname(siteConfigPath)
  const present = BOOK_FILE_NAMES.filter((name) => existsSync(join(folder, name)))
  if (present.length === 0) return []
  const tocUsed = tocInConfig !== undefined && resolve(folder, tocInConfig) === join(folder, BOOK_TOC_FILE)
  const toc = !present.includes(BOOK_TOC_FILE) ? '' : tocUsed ? `; its toc ${BOOK_TOC_FILE} orders the course, as \`toc\` says` : `; ${BOOK_TOC_FILE} is not used (set \`toc: '${BOOK_TOC_FILE}'\` in ${basename(siteConfigPath)} to use it)`
  const message = `${basename(siteConfigPath)} is used for this folder${present.includes(BOOK_CONFIG_FILE) ? `, not the Jupyter Book ${BOOK_CONFIG_FILE}` : ''}${toc}`
  return [bookDiagnostic('book-config-shadowed', message, siteConfigPath)]
}
