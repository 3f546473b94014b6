import type {Html, Parent, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {toString} from 'mdast-util-to-string'
import {walkAuthored} from './walk.js'
import {checkAltText} from './alt-text.js'
import {headingLevelCheck} from './headings.js'
import {checkMarkdownTable} from './tables.js'
import {checkLinkText} from './link-text.js'
import {checkHtml, checkInlineHtml} from './html.js'
import {emit} from '../../diagnostics/message.js'

/**
 * Accessibility checks of what the author wrote (not of notebook outputs):
 * images and TikZ diagrams without alt text or with very long alt text,
 * skipped heading levels, tables without a header row, and link text that
 * does not say where the link goes. Each problem is a diagnostic at its line
 * (and cell); the tree is not changed. Run after the directive and TikZ
 * transforms, so figures and diagrams carry their alt text.
 */
export function a11yTransform(tree: Root, file: VFile): void {
  const checkHeading = headingLevelCheck(file)
  let htmlRun: Html[] = []
  let runParent: unknown
  const flushHtml = () => {
    if (htmlRun.length > 0) checkHtml(file, htmlRun)
    htmlRun = []
  }
  const inlineChecked = new Set<Parent>()
  walkAuthored(tree, (node, parent) => {
    if (node.type === 'html' && PHRASING_PARENTS.has(parent.type)) {
      flushHtml()
      if (!inlineChecked.has(parent)) checkInlineHtml(file, parent)
      inlineChecked.add(parent)
      return
    }
    if (node.type === 'html') {
      // Adjacent HTML nodes of one parent are one HTML block that Markdown split at blank lines.
      const last = htmlRun.at(-1)
      if (!(runParent === parent && last && parent.children[parent.children.indexOf(last) + 1] === node)) flushHtml()
      runParent = parent
      htmlRun.push(node)
      return
    }
    flushHtml()
    checkNode(file, node, checkHeading)
  })
  flushHtml()
}

/** Parents whose HTML is inline, cut into pieces around the text it wraps. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteReference'])

function checkNode(file: VFile, node: RootContent, checkHeading: ReturnType<typeof headingLevelCheck>): void {
  switch (node.type) {
    case 'image':
    case 'imageReference':
      checkAltText(file, node.alt ?? undefined, 'An image', {node})
      break
    case 'tikzFigure':
      // A diagram with neither alt text nor caption is already a `tikz-no-alt` warning.
      if (node.alt?.trim()) checkAltText(file, node.alt, 'A TikZ diagram', {node})
      else if (node.caption?.trim()) emit(file, 'image-alt-missing', 'A TikZ diagram has a caption but no alt text: the caption names the diagram, alt text describes it', {node, stage: 'a11y'})
      break
    case 'heading':
      checkHeading(node)
      break
    case 'table':
      checkMarkdownTable(file, node)
      break
    case 'link':
    case 'linkReference':
      checkLinkText(file, toString(node), {node})
      break
  }
}
