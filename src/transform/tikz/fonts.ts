import {existsSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {Asset} from '../../pipeline/types.js'

const require = createRequire(import.meta.url)

/** Where the TikZ stylesheet and fonts are published in the site. */
export const TIKZ_CSS = 'assets/tikz/tikz.css'
const FONTS = 'assets/tikz/fonts'

/**
 * node-tikzjax leaves text as `<text font-family="cmr10">`. It ships the
 * BaKoMa TrueType Computer Modern fonts those names refer to; this folder.
 */
export function computerModernDir(): string {
  return join(dirname(require.resolve('node-tikzjax/package.json')), 'css', 'bakoma', 'ttf')
}

/**
 * The font files a page's diagrams use, as site assets (the writer copies
 * each once however many pages list it), plus the fonts' licence. Families
 * with no shipped font are left out.
 */
export function fontAssets(families: Iterable<string>): Asset[] {
  const dir = computerModernDir()
  const assets: Asset[] = []
  for (const family of families) {
    if (!/^[a-z0-9]+$/i.test(family)) continue
    const file = join(dir, `${family}.ttf`)
    if (existsSync(file)) assets.push({outPath: `${FONTS}/${family}.ttf`, copyFrom: file})
  }
  if (assets.length > 0) assets.push({outPath: `${FONTS}/LICENCE`, copyFrom: join(dir, '..', 'LICENCE')})
  return assets
}

/**
 * The stylesheet every page links: an `@font-face` for each shipped Computer
 * Modern font (browsers fetch only the ones a page uses), and the figure
 * styles. Diagrams are drawn black on transparent, so in a dark colour scheme
 * they sit on a light panel.
 */
export function tikzStylesheet(): string {
  const faces = existsSync(computerModernDir())
    ? readdirSync(computerModernDir())
        .filter((file) => file.endsWith('.ttf'))
        .sort()
        .map((file) => `@font-face{font-family:${file.slice(0, -4)};src:url(fonts/${file}) format("truetype");font-display:block}`)
    : []
  return `${faces.join('\n')}
figure.tikz{margin:2rem 0;text-align:center}
figure.tikz svg{display:inline-block;max-width:100%;height:auto;overflow:visible}
figure.tikz figcaption{margin-top:.75rem}
figure.tikz-error{text-align:left}
figure.tikz-error .tikz-error-message{margin:0 0 .5rem;color:#b42318;font-size:.9rem}
figure.tikz-error pre{border-left:4px solid #b42318;padding:.75rem 1rem;overflow-x:auto}
@media screen and (prefers-color-scheme:dark){
figure.tikz svg{background:#fff;border-radius:4px;padding:.5rem}
figure.tikz-error .tikz-error-message{color:#fda29b}
}
`
}
