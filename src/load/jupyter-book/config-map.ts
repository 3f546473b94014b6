import {existsSync, statSync} from 'node:fs'
import {basename, resolve} from 'node:path'
import {ouxmlSchema, themeSchema, type UserConfig} from '../../config/schema.js'
import type {Diagnostic} from '../../diagnostics/report.js'
import {humanise} from '../slug.js'
import {bookDiagnostic} from './diagnostic.js'
import {binderFromBook} from './repository.js'
import {isRecord, optionalText} from './toc-entries.js'
import type {SourcePoint} from './yaml-source.js'

export interface BookConfigContext {
  /** The book folder. */
  bookDir: string
  /** The table of contents, relative to the book folder. */
  tocName: string
  /** Where notes are reported: `_config.yml`, or the toc when the book has none. */
  file: string
  /** Where a key path is written in `_config.yml`. */
  locate: (path: ReadonlyArray<PropertyKey>) => SourcePoint | undefined
}

/** Top-level keys of `_config.yml` that are read (`exclude_patterns` and `parse` are read and have nothing to do: only the toc's files are built). */
const HANDLED = new Set(['title', 'author', 'logo', 'lang', 'language', 'repository', 'launch_buttons', 'ou', 'sphinx', 'parse', 'exclude_patterns', 'only_build_toc_files'])
const OU_HANDLED = new Set(['module_code', 'module_title', 'presentation', 'first_published', 'isbn', 'edition', 'image_path_prefix', 'media_path_prefix', 'block_title'])
const LAUNCH_HANDLED = new Set(['notebook_interface', 'binderhub_url'])

/**
 * Turn a Jupyter Book `_config.yml` (as data) into a coursebook config:
 * `title`, `author`, `repository` and `launch_buttons` (Binder), the OU
 * block (`ou:` module code and title, presentation, imprint and path
 * prefixes for the OU-XML), MyST substitutions, and the toc as the course
 * structure. The book folder is the content folder; the site goes to
 * `_build/coursebook`, Jupyter Book's output folder. What had to be made up
 * or was left unused is said in `notes` (info diagnostics).
 */
export function mapBookConfig(raw: Record<string, unknown>, ctx: BookConfigContext): {config: UserConfig; notes: Diagnostic[]} {
  const notes: Diagnostic[] = []
  const note = (ruleId: Parameters<typeof bookDiagnostic>[0], message: string, at?: SourcePoint) => notes.push(bookDiagnostic(ruleId, message, ctx.file, at))
  const ou = recordAt(raw, 'ou')
  const sphinxConfig = recordAt(recordAt(raw, 'sphinx'), 'config')
  const ignored: string[] = Object.keys(raw).filter((key) => !HANDLED.has(key) && raw[key] !== null)

  const bookTitle = scalarText(raw.title) ?? scalarText(sphinxConfig.html_title)
  const moduleTitle = scalarText(ou.module_title)
  const title = moduleTitle ?? bookTitle ?? humanise(basename(ctx.bookDir))
  const givenCode = scalarText(ou.module_code)
  const code = givenCode ?? deriveCode(title)
  if (!moduleTitle && !bookTitle) note('book-metadata-derived', `_config.yml gives no \`title\`: the course is titled "${title}" after its folder`)
  if (!givenCode) note('book-metadata-derived', `_config.yml has no \`ou.module_code\`: the course code ${code} was made from the title`, isRecord(raw.ou) ? ctx.locate(['ou']) : undefined)

  const config: UserConfig = {
    code,
    title,
    contentDir: '.',
    outDir: '_build/coursebook',
    toc: {file: ctx.tocName, ...(scalarText(ou.block_title) ?? bookTitle ? {unitTitle: scalarText(ou.block_title) ?? bookTitle} : {})},
  }
  if (moduleTitle && bookTitle && moduleTitle !== bookTitle) config.description = bookTitle
  const authors = authorsOf(raw.author)
  if (authors.length > 0) config.authors = authors
  const language = scalarText(raw.lang) ?? scalarText(raw.language) ?? scalarText(sphinxConfig.language)
  if (language) config.language = language
  const presentation = scalarText(ou.presentation)
  if (presentation) config.presentation = presentation

  const ouxml = ouxmlFromBook(ou)
  if (Object.keys(ouxml).length > 0) config.ouxml = ouxml
  for (const key of Object.keys(ou)) if (!OU_HANDLED.has(key) && ou[key] !== null && ou[key] !== '') ignored.push(`ou.${key}`)

  const launchButtons = recordAt(raw, 'launch_buttons')
  for (const key of Object.keys(launchButtons)) if (!LAUNCH_HANDLED.has(key) && launchButtons[key]) ignored.push(`launch_buttons.${key}`)
  const binder = binderFromBook(recordAt(raw, 'repository'), launchButtons)
  if ('binder' in binder) {
    config.binder = binder.binder
    // Jupyter Book gives MyST Markdown notebooks (a `kernelspec` in the front matter) launch buttons too, opened by jupytext.
    config.launchOptions = {jupytext: true}
  }
  else note('book-binder-skipped', `No Binder launch links: ${binder.skipped}`, isRecord(raw.repository) ? ctx.locate(['repository', 'url']) : undefined)

  const substitutions = substitutionsOf([recordAt(recordAt(raw, 'parse'), 'myst_substitutions'), recordAt(sphinxConfig, 'myst_substitutions')], ignored)
  if (Object.keys(substitutions).length > 0) config.substitutions = substitutions

  const logo = scalarText(raw.logo)
  // Sphinx builds on without a logo file that is missing (the book template names one it does not ship).
  const logoFound = logo !== undefined && existsSync(resolve(ctx.bookDir, logo)) && statSync(resolve(ctx.bookDir, logo)).isFile()
  if (logoFound && Object.hasOwn(themeSchema.shape, 'logo')) config.theme = {logo} as UserConfig['theme']
  else if (logo) ignored.push(logoFound ? 'logo' : `logo (${logo} does not exist)`)
  if (raw.only_build_toc_files === false) ignored.push('only_build_toc_files: false (only the files in the table of contents are built)')

  if (ignored.length > 0) note('book-config-ignored', `_config.yml settings coursebook does not use: ${ignored.join(', ')}`)
  return {config, notes}
}

function ouxmlFromBook(ou: Record<string, unknown>): NonNullable<UserConfig['ouxml']> {
  const ouxml: Record<string, unknown> = {}
  const set = (key: string, value: unknown) => {
    // Only keys the export has by now; the others stay unused rather than break validation.
    if (value !== undefined && Object.hasOwn(ouxmlSchema.shape, key)) ouxml[key] = value
  }
  const published = ou.first_published
  set('firstPublished', typeof published === 'number' && Number.isInteger(published) ? published : scalarText(published))
  set('isbn', scalarText(ou.isbn))
  set('edition', scalarText(ou.edition))
  set('imagePathPrefix', scalarText(ou.image_path_prefix))
  set('mediaPathPrefix', scalarText(ou.media_path_prefix))
  return ouxml as NonNullable<UserConfig['ouxml']>
}

/** `myst_substitutions` from `parse:` and `sphinx.config:` (the latter wins); values that are not text are listed as unused. */
function substitutionsOf(sources: Array<Record<string, unknown>>, ignored: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = String(value)
      else ignored.push(`myst_substitutions.${name} (not text)`)
    }
  }
  return out
}

/** `author: A and B` or `A, B` (or a list) → `['A', 'B']`. */
export function authorsOf(value: unknown): string[] {
  const names = Array.isArray(value) ? value.map(scalarText) : (scalarText(value) ?? '').split(/\s*(?:,|;|&|\band\b)\s*/)
  return names.map((name) => name?.trim()).filter((name): name is string => Boolean(name))
}

/** A short course code from a title: the initials of its words (`Reusable Content Demo` → `RCD`), or its first letters. */
export function deriveCode(title: string): string {
  const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []
  const code = words.length > 1 ? words.map((w) => w[0]).join('').slice(0, 6) : (words[0] ?? '').slice(0, 6)
  return code.toUpperCase() || 'BOOK'
}

function recordAt(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key]
  return isRecord(value) ? value : {}
}

/** Text from a YAML scalar: a string (trimmed, non-empty) or a number. */
function scalarText(value: unknown): string | undefined {
  return typeof value === 'number' ? String(value) : optionalText(value)
}
