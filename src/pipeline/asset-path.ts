import {createHash} from 'node:crypto'
import {posix} from 'node:path'

/** Where a page's own file goes in the site, and the URL the page uses for it. */
export interface PageAssetPath {
  /** Path relative to the site root, forward slashes: `week-01/intro_files/0a1b2c3d4e5f.png`. */
  outPath: string
  /** URL relative to the page's folder: `intro_files/0a1b2c3d4e5f.png`. Not percent-encoded (mdast urls are not; the HTML stage encodes). */
  url: string
}

/**
 * The place of a file that belongs to one page (a cell attachment, an output
 * image): the folder `<page name without extension>_files/` beside the page,
 * and a name made of the first 12 hex digits of the SHA-1 of `bytes` plus
 * `ext` (`png` or `.png`). Content addressing means identical files share one
 * path, and a changed file gets a new URL. `pageOutPath` is the page's output
 * path relative to the site root, e.g. `week-01/intro.html`.
 */
export function pageAssetPath(pageOutPath: string, bytes: Uint8Array, ext: string): PageAssetPath {
  const hash = createHash('sha1').update(bytes).digest('hex').slice(0, 12)
  const suffix = ext.replace(/^\.+/, '')
  const name = suffix ? `${hash}.${suffix}` : hash
  const page = posix.basename(pageOutPath, posix.extname(pageOutPath))
  const folder = `${page}_files`
  const dir = posix.dirname(pageOutPath)
  return {outPath: dir === '.' ? `${folder}/${name}` : `${dir}/${folder}/${name}`, url: `${folder}/${name}`}
}

const extensions: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'application/pdf': 'pdf',
}

/** The file extension (no dot) for a MIME type; parameters and case are ignored, unknown types give `bin`. */
export function mimeExtension(mime: string): string {
  const type = mime.split(';')[0]!.trim().toLowerCase()
  return Object.hasOwn(extensions, type) ? extensions[type]! : 'bin'
}
