import {toHast} from 'mdast-util-to-hast'
import {toHtml} from 'hast-util-to-html'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {notebookHandlers} from './handlers/index.js'

/**
 * Turn a page's mdast into its article HTML. Raw HTML nodes (KaTeX, shiki,
 * notebook `text/html` outputs) pass through as they are; notebook nodes go
 * through their handlers.
 */
export function treeToHtml(tree: Root, file?: VFile): string {
  const hast = toHast(tree, {allowDangerousHtml: true, handlers: notebookHandlers, file})
  return toHtml(hast, {allowDangerousHtml: true})
}
