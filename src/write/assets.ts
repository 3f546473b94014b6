import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {SiteEntry} from './site.js'
import type {Theme} from '../render/layout/types.js'
import {TIKZ_CSS, tikzStylesheet} from '../transform/tikz/fonts.js'

const require = createRequire(import.meta.url)

/** Where KaTeX's stylesheet and fonts are published in the site. */
export const KATEX_CSS = 'assets/katex/katex.min.css'
/** Where the theme's assets are published. */
export const THEME_ASSETS = 'assets/theme'
/** Where MiniSearch's browser build is published, for the search page (with its licence beside it). */
export const MINISEARCH_JS = 'assets/search/minisearch.js'

/**
 * The files every site carries so that it works offline: KaTeX's stylesheet
 * and fonts, the TikZ stylesheet, and the theme's assets. Returns them with the stylesheets to link.
 */
export function staticAssets(theme: Theme): {entries: SiteEntry[]; stylesheets: string[]} {
  const katexDist = dirname(require.resolve('katex'))
  const katexCss = woff2Only(readFileSync(join(katexDist, 'katex.min.css'), 'utf8'))
  const entries: SiteEntry[] = [{outPath: KATEX_CSS, data: katexCss}]
  for (const font of new Set(Array.from(katexCss.matchAll(FONT_URL), (m) => m[1]!))) {
    entries.push({outPath: `assets/katex/fonts/${font}`, copyFrom: join(katexDist, 'fonts', font)})
  }
  // A parent theme's files first: a child's file of the same name replaces it (the site write keeps the last).
  const themes = theme.parent ? [theme.parent, theme] : [theme]
  const themeFiles = new Map<string, string>()
  for (const t of themes) for (const file of listFiles(t.assetsDir)) themeFiles.set(file, join(t.assetsDir, file))
  for (const [file, copyFrom] of themeFiles) entries.push({outPath: `${THEME_ASSETS}/${file}`, copyFrom})
  entries.push(...(theme.extraFiles ?? []))
  // MiniSearch's UMD build defines the global the search page uses; its `dist/cjs` entry sits beside `dist/umd`.
  const minisearchDist = dirname(dirname(require.resolve('minisearch')))
  entries.push({outPath: MINISEARCH_JS, copyFrom: join(minisearchDist, 'umd', 'index.js')})
  entries.push({outPath: 'assets/search/minisearch-LICENSE.txt', copyFrom: join(minisearchDist, '..', 'LICENSE.txt')})
  // TikZ figures and the Computer Modern faces their text uses; pages with diagrams add the font files they need.
  entries.push({outPath: TIKZ_CSS, data: tikzStylesheet()})
  return {entries, stylesheets: [KATEX_CSS, TIKZ_CSS, ...themes.flatMap((t) => t.stylesheets.map((s) => `${THEME_ASSETS}/${s}`)), ...(theme.extraStylesheets ?? [])]}
}

const FONT_URL = /url\(fonts\/([^)"']+)\)/g

/**
 * KaTeX's stylesheet with each font offered as WOFF2 alone, where it lists
 * WOFF2, WOFF and TrueType: every browser in use reads WOFF2 and takes the
 * first format it knows, so the other two are never fetched. The site then
 * carries 20 font files instead of 60 (on the benchmark machine each new file
 * costs up to a millisecond to create).
 */
export function woff2Only(css: string): string {
  return css.replace(/(url\(fonts\/[^)]+\.woff2\) format\("woff2"\))(?:,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\))+/g, '$1')
}

function listFiles(dir: string, prefix = ''): string[] {
  const files: string[] = []
  for (const entry of readdirSync(join(dir, prefix), {withFileTypes: true})) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...listFiles(dir, rel))
    else if (entry.isFile()) files.push(rel)
  }
  return files
}
