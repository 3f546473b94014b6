/**
 * Text-level surgery on the SVG the engines produce. The SVG comes from our
 * own TeX engines, so its shape is known: one root `<svg>`, attributes quoted
 * with `'` (dvisvgm) or `"` (node-tikzjax), an optional `<style>` with
 * `@font-face` rules and class selectors (dvisvgm).
 */

/** Drop the XML declaration, DOCTYPE and comments, so the SVG can be inlined in HTML. */
export function cleanSvg(raw: string): string {
  const start = raw.indexOf('<svg')
  const body = start >= 0 ? raw.slice(start) : raw
  return body.replace(/<!--[\s\S]*?-->/g, '').replace(/>\s*\n\s*</g, '>\n<').trim()
}

const ID = /\bid=(["'])([^"']+)\1/g
const REFERENCE = /url\(\s*["']?#([^)"'\s]+)["']?\s*\)|\bhref=(["'])#([^"']+)\2/g

/** Ids the SVG refers to (`url(#x)`, `href="#x"`) but never defines: the trace of hatching node-tikzjax could not draw. */
export function danglingReferences(svg: string): string[] {
  const defined = new Set([...svg.matchAll(ID)].map((m) => m[2]!))
  const missing = new Set<string>()
  for (const m of svg.matchAll(REFERENCE)) {
    const id = m[1] ?? m[3]!
    if (!defined.has(id)) missing.add(id)
  }
  return [...missing]
}

/**
 * Make everything in the SVG that is global in an HTML page its own: ids
 * (renamed `<prefix>1`, `<prefix>2`… with every reference), and for dvisvgm
 * output the `@font-face` families and class names of its `<style>`, which
 * would otherwise clash between two diagrams (each embeds its own subset of
 * `cmr10`). Families the SVG does not define (node-tikzjax's, served by the
 * site) are left alone.
 */
export function scopeSvg(svg: string, prefix: string): string {
  const ids = new Map<string, string>()
  for (const m of svg.matchAll(ID)) if (!ids.has(m[2]!)) ids.set(m[2]!, `${prefix}${ids.size + 1}`)
  let out = svg.replace(ID, (all, quote: string, id: string) => `id=${quote}${ids.get(id) ?? id}${quote}`)
  out = out.replace(REFERENCE, (all, urlId: string | undefined, quote: string | undefined, hrefId: string | undefined) => {
    if (urlId !== undefined) return ids.has(urlId) ? `url(#${ids.get(urlId)})` : all
    return ids.has(hrefId!) ? `href=${quote}#${ids.get(hrefId!)}${quote}` : all
  })
  const style = /<style\b[^>]*>([\s\S]*?)<\/style>/.exec(out)?.[1]
  if (!style) return out
  for (const family of embeddedFamilies(out)) {
    const name = escapeRegExp(family)
    out = out
      .replace(new RegExp(`(font-family\\s*:\\s*["']?)${name}(?![\\w-])`, 'g'), `$1${prefix}${family}`)
      .replace(new RegExp(`(font-family=(["']))${name}\\2`, 'g'), `$1${prefix}${family}$2`)
  }
  const classes = new Set([...style.matchAll(/\.(-?[_a-zA-Z][\w-]*)(?=[^{}]*\{)/g)].map((m) => m[1]!))
  if (classes.size === 0) return out
  return out
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/, (block) => block.replace(/\.(-?[_a-zA-Z][\w-]*)(?=[^{}]*\{)/g, (all, name: string) => (classes.has(name) ? `.${prefix}${name}` : all)))
    .replace(/\bclass=(["'])([^"']*)\1/g, (all, quote: string, list: string) => {
      const renamed = list.split(/\s+/).map((name) => (classes.has(name) ? `${prefix}${name}` : name))
      return `class=${quote}${renamed.join(' ')}${quote}`
    })
}

/** Font families the SVG embeds with its own `@font-face` rules. */
export function embeddedFamilies(svg: string): string[] {
  return [...svg.matchAll(/@font-face\s*\{[^}]*?font-family\s*:\s*["']?([^;"'}]+)/g)].map((m) => m[1]!.trim())
}

/** Font families the SVG uses but does not embed: the page must provide them (node-tikzjax's Computer Modern). */
export function externalFamilies(svg: string): string[] {
  const embedded = new Set(embeddedFamilies(svg))
  const used = new Set<string>()
  for (const m of svg.matchAll(/font-family(?:=(["'])([^"']+)\1|\s*:\s*([^;"'}]+))/g)) {
    const family = (m[2] ?? m[3]!).trim()
    if (!embedded.has(family)) used.add(family)
  }
  return [...used].sort()
}

/** The root element's width and height in CSS pixels (`pt` converted), or undefined when absent. */
export function svgSize(svg: string): {width: number; height: number} | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
  const width = toPixels(/\swidth=(["'])([^"']+)\1/.exec(root)?.[2])
  const height = toPixels(/\sheight=(["'])([^"']+)\1/.exec(root)?.[2])
  return width !== undefined && height !== undefined ? {width, height} : undefined
}

/**
 * Set the root's width and height (in pixels) as asked: multiplied by
 * `scale`, or fitted inside `box` keeping the proportions. The `viewBox` is
 * untouched, so the drawing scales with the element.
 */
export function sizeSvg(svg: string, options: {scale?: number; box?: {width: number; height: number}}): string {
  const size = svgSize(svg)
  if (!size) return svg
  let factor = options.scale ?? 1
  if (options.box && size.width > 0 && size.height > 0) factor = Math.min(options.box.width / size.width, options.box.height / size.height)
  const round = (n: number) => String(Math.round(n * 1000) / 1000)
  return svg.replace(/<svg\b[^>]*>/, (root) =>
    root
      .replace(/\swidth=(["'])[^"']+\1/, ` width="${round(size.width * factor)}"`)
      .replace(/\sheight=(["'])[^"']+\1/, ` height="${round(size.height * factor)}"`),
  )
}

function toPixels(value: string | undefined): number | undefined {
  const found = /^\s*([\d.]+)\s*(pt|px)?\s*$/.exec(value ?? '')
  if (!found) return undefined
  const number = Number(found[1])
  return found[2] === 'pt' ? (number * 4) / 3 : number
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
