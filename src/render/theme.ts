import {existsSync, statSync} from 'node:fs'
import {basename, extname, join, resolve} from 'node:path'
import {createJiti} from 'jiti'
import {packageEntry} from '../package-info.js'
import type {ResolvedConfig} from '../config/schema.js'
import type {Theme} from './layout/types.js'
import {tokensStylesheet} from './theme-tokens.js'
import {CoursebookError, ThemeInvalid} from '../diagnostics/errors.js'

/** The layouts a course may replace one by one. */
const LAYOUTS = ['home', 'unit', 'page', 'search'] as const
const LAYOUT_EXTENSIONS = ['.ts', '.mts', '.mjs', '.js']
/** Where a course's own theme files go in the site. */
const COURSE_ASSETS = 'assets/course'

/**
 * The theme the config asks for: a built-in theme, with the course's
 * branding applied over it: a logo, colour tokens, extra stylesheets, and
 * layouts from the course's own folder replacing the built-in ones by name.
 * A missing file is a named error before anything is written.
 */
export async function loadTheme(config: ResolvedConfig): Promise<Theme> {
  const base = await builtInTheme(config.theme.name)
  const {logo, logoAlt, colours, css, layouts} = config.theme
  const theme: Theme = {...base, extraFiles: [...(base.extraFiles ?? [])], extraStylesheets: [...(base.extraStylesheets ?? [])]}
  if (logo) {
    const path = courseFile(config, logo, 'theme.logo')
    const outPath = `${COURSE_ASSETS}/logo${extname(path).toLowerCase()}`
    theme.extraFiles!.push({outPath, copyFrom: path})
    theme.brand = {logo: outPath, logoAlt: logoAlt ?? ''}
  }
  const tokens = tokensStylesheet(colours)
  if (tokens) {
    theme.extraFiles!.push({outPath: `${COURSE_ASSETS}/tokens.css`, data: tokens})
    theme.extraStylesheets!.push(`${COURSE_ASSETS}/tokens.css`)
  }
  for (const [index, file] of (typeof css === 'string' ? [css] : css ?? []).entries()) {
    const path = courseFile(config, file, 'theme.css')
    const outPath = `${COURSE_ASSETS}/${index + 1}-${basename(path)}`
    theme.extraFiles!.push({outPath, copyFrom: path})
    theme.extraStylesheets!.push(outPath)
  }
  if (layouts) Object.assign(theme, await courseLayouts(config, layouts))
  return theme
}

async function builtInTheme(name: ResolvedConfig['theme']['name']): Promise<Theme> {
  switch (name) {
    case 'institutional':
      return (await import('../../themes/institutional/index.js')).theme
    case 'default':
    default:
      return (await import('../../themes/default/index.js')).theme
  }
}

function courseFile(config: ResolvedConfig, file: string, key: string): string {
  const path = resolve(config.root, file)
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new CoursebookError(ThemeInvalid, `\`${key}\` names ${file}, which is not a file (looked for ${path})`, {file: config.configPath})
  }
  return path
}

/** The layouts found in the course's layouts folder, each the default export of `<name>.ts` (or `.mjs`, `.js`). */
async function courseLayouts(config: ResolvedConfig, folder: string): Promise<Partial<Theme>> {
  const dir = resolve(config.root, folder)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CoursebookError(ThemeInvalid, `\`theme.layouts\` names ${folder}, which is not a folder (looked for ${dir})`, {file: config.configPath})
  }
  const jiti = createJiti(import.meta.url, {moduleCache: false, alias: {coursebook: packageEntry}})
  const found: Partial<Theme> = {}
  for (const name of LAYOUTS) {
    const file = LAYOUT_EXTENSIONS.map((ext) => join(dir, name + ext)).find((path) => existsSync(path))
    if (!file) continue
    let layout: unknown
    try {
      layout = await jiti.import(file, {default: true})
    } catch (error) {
      throw new CoursebookError(ThemeInvalid, `The layout ${file} could not be loaded: ${(error as Error).message}`, {file, cause: error})
    }
    if (typeof layout !== 'function') {
      throw new CoursebookError(ThemeInvalid, `The layout ${file} must export a default function of the layout data, returning html\`…\``, {file})
    }
    ;(found as Record<string, unknown>)[name] = layout
  }
  return found
}
