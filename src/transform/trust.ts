import type {Root} from 'mdast'
import type {Node} from 'unist'
import type {VFile} from 'vfile'
import {SKIP, visit} from '../pipeline/visit.js'
import {emit} from '../diagnostics/message.js'
import {sanitizeHtml, sanitizeSvg, type Sanitised} from '../render/html/sanitize.js'

export type Trust = 'author' | 'untrusted'

/**
 * The trust a page is rendered with: the config's, unless the page's
 * metadata (front matter, notebook metadata, or its unit's metadata) says
 * `trust: untrusted`. Metadata can only lower trust: a page in an untrusted
 * course that claims `trust: author` is the content being distrusted, so the
 * claim is refused with a `frontmatter-invalid` warning; so is any value other
 * than the two names, which counts as `untrusted`.
 */
export function pageTrust(configTrust: Trust, meta: Record<string, unknown>, file: VFile): Trust {
  const claimed = meta.trust
  if (claimed === undefined || claimed === configTrust) return configTrust
  if (claimed === 'untrusted') return 'untrusted'
  const reason =
    claimed === 'author'
      ? "`trust: author` cannot raise a page above the course's `trust: 'untrusted'`; the page is treated as untrusted"
      : `\`trust\` must be "author" or "untrusted", not ${JSON.stringify(claimed)}; the page is treated as untrusted`
  emit(file, 'frontmatter-invalid', reason, {stage: 'trust'})
  return 'untrusted'
}

const SAFE_PROTOCOLS = new Set(['http', 'https', 'mailto'])
const JAVASCRIPT_MIME = /javascript|ecmascript/i

/**
 * Make an untrusted page's content inert before any other stage sees it:
 * raw HTML (in Markdown, HTML raw cells, `text/html` and Markdown outputs) is
 * sanitised; SVG outputs are sanitised before they are written as files;
 * Markdown links and images with a URL other than http(s), mailto or a
 * relative one lose it; JavaScript outputs are dropped with an
 * `output-script-dropped` warning. One `html-sanitised` info per page says
 * how many pieces had something removed. Mutates the tree only.
 */
export function untrustedTransform(tree: Root, file: VFile): void {
  const removed = {count: 0, node: undefined as Node | undefined}
  const apply = (result: Sanitised, node: Node): string => {
    if (result.changed) {
      removed.count++
      removed.node ??= node
    }
    return result.html
  }
  visit(tree, (node, index, parent) => {
    switch (node.type) {
      case 'html':
        node.value = apply(sanitizeHtml(node.value), node)
        return
      case 'notebookRawCell':
        if (node.format.trim().toLowerCase() === 'text/html') node.value = apply(sanitizeHtml(node.value), node)
        return
      case 'link':
      case 'image':
      case 'definition':
        if (isSafeUrl(node.url)) return
        removed.count++
        removed.node ??= node
        if (node.type === 'definition' || !parent || index === undefined) {
          node.url = ''
          return
        }
        // A link keeps its text and an image its alt text.
        parent.children.splice(index, 1, ...(node.type === 'link' ? node.children : [{type: 'text', value: node.alt ?? ''}]) as never[])
        return [SKIP, index]
      case 'notebookOutput': {
        if (node.outputType === 'stream' || node.outputType === 'error') return
        if (node.unrenderable?.some((mime) => JAVASCRIPT_MIME.test(mime))) {
          const scripts = node.unrenderable.filter((mime) => JAVASCRIPT_MIME.test(mime)).join(', ')
          emit(file, 'output-script-dropped', `An output's ${scripts} was dropped: scripts never run on an untrusted page`, {node, stage: 'trust'})
          if (node.placeholder && parent && index !== undefined) {
            // Nothing but script: the output goes altogether, rather than a placeholder naming it.
            parent.children.splice(index, 1)
            return [SKIP, index]
          }
        }
        const mime = node.mime.split(';')[0]!.trim().toLowerCase()
        if (mime === 'text/html') node.value = apply(sanitizeHtml(node.value), node)
        else if (mime === 'image/svg+xml') node.value = apply(sanitizeSvg(node.value), node)
        return
      }
      default:
        return
    }
  })
  if (removed.count === 0) return
  const pieces = removed.count === 1 ? 'piece of content' : 'pieces of content'
  emit(file, 'html-sanitised', `Unsafe HTML or URLs were removed from ${removed.count} ${pieces} on this untrusted page`, {
    node: removed.node,
    stage: 'trust',
  })
}

/** Relative URLs, fragments, and http(s) and mailto URLs. Browsers ignore tabs, newlines and leading spaces in a scheme, so this does too. */
export function isSafeUrl(url: string): boolean {
  const normalised = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '')
  const scheme = /^([^/?#:]*):/.exec(normalised)
  return !scheme || SAFE_PROTOCOLS.has(scheme[1]!.toLowerCase())
}
