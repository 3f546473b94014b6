import type {Element, Root} from 'hast'
import {SKIP, visitParents} from 'unist-util-visit-parents'
import {isSafeUrl} from '../../src/transform/trust.js'

const EXECUTABLE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'form', 'input', 'frame', 'foreignObject'])
const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref'])

/**
 * Everything in a parsed page that could run script or submit data: script,
 * frames, plugins and form elements, event handler attributes, and URLs with
 * a scheme other than http(s) and mailto. Empty for a safe page.
 */
export function executableParts(tree: Root): string[] {
  const found: string[] = []
  visitParents(tree, 'element', (node: Element, ancestors) => {
    // The theme's search box is a GET form to the site's own search page, made by coursebook, not by the page.
    if (node.tagName === 'form' && (node.properties.className as string[] | undefined)?.includes('site-search')) return SKIP
    // GFM task lists render as disabled checkboxes: inert, and made by coursebook, not the page.
    const taskBox = node.tagName === 'input' && node.properties.type === 'checkbox' && node.properties.disabled === true
    // The choices of an OU interaction: radio buttons and checkboxes coursebook draws, outside any form, submitting nothing.
    const choice = node.tagName === 'input' && (node.properties.type === 'radio' || node.properties.type === 'checkbox') && ancestors.some(isInteraction)
    if (EXECUTABLE_ELEMENTS.has(node.tagName) && !taskBox && !choice) found.push(`<${node.tagName}>`)
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      if (/^on/i.test(key)) found.push(`${node.tagName}[${key}]`)
      if (URL_PROPERTIES.has(key) && typeof value === 'string' && !isSafeUrl(value)) found.push(`${node.tagName}[${key}=${value}]`)
    }
  })
  return found
}

function isInteraction(node: Root | Element): boolean {
  return node.type === 'element' && node.tagName === 'div' && ((node.properties.className as string[] | undefined) ?? []).includes('interaction')
}
