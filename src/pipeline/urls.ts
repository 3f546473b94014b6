import {posix} from 'node:path'

/** Percent-encode each segment of a site path, keeping the slashes. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/**
 * The relative URL from one site page to another site file, both given as
 * site-root-relative paths (`week-01/a.html`). Relative URLs keep the site
 * working under any base path and from `file://`.
 */
export function relativeUrl(fromOutPath: string, toOutPath: string): string {
  const rel = posix.relative(posix.dirname(fromOutPath), toOutPath)
  return encodePath(rel || posix.basename(toOutPath))
}

/** The `../` prefix leading from a page back to the site root (`''` at the root). */
export function rootPrefix(outPath: string): string {
  const depth = outPath.split('/').length - 1
  return '../'.repeat(depth)
}
