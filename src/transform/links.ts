import {existsSync, realpathSync, statSync} from 'node:fs'
import {dirname, isAbsolute, posix, relative, resolve, sep} from 'node:path'
import {visit} from '../pipeline/visit.js'
import type {Root, Link, Image, Definition, Html, Text} from 'mdast'
import type {VFile} from 'vfile'
import type {PageSource, Unit} from '../pipeline/types.js'
import {emit} from '../diagnostics/message.js'
import {relativeUrl} from '../pipeline/urls.js'
import {slugify} from '../load/slug.js'

export interface LinksOptions {
  contentPath: string
  pagesBySource: ReadonlyMap<string, PageSource>
  units: readonly Unit[]
}

/** Where a URL leads; `path` is the file it names (absolute), recorded as a dependency of the page whether or not it exists. */
type Target = {kind: 'page' | 'file'; outPath: string; copyFrom?: string; path: string; source?: string} | {kind: 'missing'; path: string} | {kind: 'outside'}

/** On a link (or definition) to a page of the course, `data.pageLink`: the target's content-relative source path and `#fragment`. */
export interface PageLinkData {
  source: string
  hash?: string
}

declare module 'mdast' {
  interface LinkData {
    pageLink?: PageLinkData
  }
  interface DefinitionData {
    pageLink?: PageLinkData
  }
}

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/|#|\/)/i

/**
 * Resolve relative links and images from the page's own folder: links to
 * pages become links to their built URLs; other files inside the content
 * folder are copied into the site; a missing target is a diagnostic with its
 * line; anything outside the content folder is refused. URLs of files the page
 * already wrote beside itself (cell attachments) are left as they are.
 */
export function linksTransform(tree: Root, file: VFile, options: LinksOptions): void {
  const page = file.data.coursebook!.source
  const copied = new Map<string, string>()
  // Files the page already wrote beside itself (cell attachments) are where their URLs point.
  const written = new Set(file.data.coursebook!.assets.map((asset) => posix.relative(posix.dirname(page.outPath), asset.outPath)))
  const resolveUrl = (url: string, node: Link | Image | Definition | Html, isImage: boolean): string | undefined => {
    if (!url || EXTERNAL.test(url) || url.startsWith('attachment:') || written.has(url)) return url
    const [pathPart, suffix] = splitSuffix(url)
    const target = locate(pathPart, page, options)
    if (target.kind !== 'outside') file.data.coursebook!.dependencies.push(target.path)
    if (target.kind === 'outside') {
      emit(file, 'path-outside-content', `"${url}" points outside the content folder and is not published`, {node, stage: 'links'})
      return undefined
    }
    if (target.kind === 'missing') {
      const rule = isImage ? 'image-missing' : 'link-target-missing'
      emit(file, rule, `${isImage ? 'Image' : 'Link target'} "${url}" does not exist`, {node, stage: 'links'})
      return url
    }
    if (target.kind === 'page' && (node.type === 'link' || node.type === 'definition')) {
      node.data = {...node.data, pageLink: {source: target.source!, hash: fragmentOf(suffix)}}
    }
    if (target.copyFrom && !copied.has(target.outPath)) {
      copied.set(target.outPath, target.copyFrom)
      file.data.coursebook!.assets.push({outPath: target.outPath, copyFrom: target.copyFrom})
    }
    return relativeUrl(page.outPath, target.outPath) + suffix
  }
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const url = resolveUrl(node.url, node, node.type === 'image')
      if (url !== undefined) node.url = url
      else if (parent && index !== undefined) parent.children[index] = refused(node) as never
    } else if (node.type === 'html') {
      node.value = node.value.replace(/\b(src|href)=("([^"]*)"|'([^']*)')/gi, (whole, attr: string, _q, dq?: string, sq?: string) => {
        const url = resolveUrl(dq ?? sq ?? '', node, attr.toLowerCase() === 'src')
        return url === undefined ? `${attr}=""` : `${attr}="${url.replace(/"/g, '&quot;')}"`
      })
    }
  })
}

/** A refused link keeps its text; a refused image keeps its alt text. */
function refused(node: Link | Image | Definition): Text | Link {
  if (node.type === 'image') return {type: 'text', value: node.alt ?? ''}
  if (node.type === 'link') return {type: 'text', value: node.children.map((c) => ('value' in c ? c.value : '')).join('')}
  return {type: 'text', value: ''}
}

function fragmentOf(suffix: string): string | undefined {
  const hash = suffix.split('#')[1]
  if (!hash) return undefined
  try {
    return decodeURIComponent(hash)
  } catch {
    return hash
  }
}

function splitSuffix(url: string): [string, string] {
  const at = url.search(/[?#]/)
  return at === -1 ? [url, ''] : [url.slice(0, at), url.slice(at)]
}

function locate(url: string, page: PageSource, options: LinksOptions): Target {
  let decoded = url
  try {
    decoded = decodeURI(url)
  } catch {
    // Keep a malformed escape as written; the file lookup decides.
  }
  const absolute = resolve(dirname(page.path), decoded)
  const rel = relative(options.contentPath, absolute)
  if (rel.startsWith('..') || resolve(options.contentPath, rel) !== absolute || rel.split(sep)[0] === '..') return {kind: 'outside'}
  const relPosix = rel.split(sep).join('/')
  const target = options.pagesBySource.get(relPosix)
  if (target) return {kind: 'page', outPath: target.outPath, path: absolute, source: relPosix}
  const unit = options.units.find((u) => relPosix === u.dir || relPosix === `${u.dir}/index.md`)
  if (unit) return {kind: 'page', outPath: `${unit.slug}/index.html`, path: absolute, source: relPosix}
  if (relPosix === '' || relPosix === 'index.md') return {kind: 'page', outPath: 'index.html', path: absolute, source: 'index.md'}
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return {kind: 'missing', path: absolute}
  // A symbolic link in the course can point anywhere; what would be published is what it points to.
  if (!isInside(realpathSync(absolute), realpathSync(options.contentPath))) return {kind: 'outside'}
  return {kind: 'file', outPath: assetOutPath(relPosix, options.units), copyFrom: absolute, path: absolute}
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/** Where a content file is published: its unit folder renamed to the unit slug, subfolders slugged, the name kept. */
function assetOutPath(relPosix: string, units: readonly Unit[]): string {
  const parts = relPosix.split('/')
  const name = parts.pop()!
  const unit = units.find((u) => u.dir === parts[0])
  const folders = parts.map((p, i) => (i === 0 && unit ? unit.slug : slugify(p)))
  return [...folders, name].join('/')
}
