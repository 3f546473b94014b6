import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {defaultSchema, sanitize, type Schema} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'

/**
 * Sanitisers for content from untrusted pages. Both parse with a real HTML
 * parser (parse5), keep an allow-list of elements and attributes through
 * hast-util-sanitize, and serialise again, so what comes out cannot hold a
 * script, an event handler or a `javascript:` URL however the input was
 * written.
 */

// Elements removed with everything inside them (others not allowed are unwrapped, keeping their text).
const STRIP = ['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'textarea', 'select', 'xmp', 'plaintext', 'title', 'svg', 'math']
const TABLE_PARTS = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']

/**
 * GitHub's schema (hast-util-sanitize's default: no script, style, iframe,
 * form, event handler, or URL other than http(s), mailto and relative ones)
 * without its task-list checkbox, plus the classes of table parts so pandas
 * tables keep the theme's styling.
 */
const htmlSchema: Schema = {
  ...defaultSchema,
  // GitHub keeps task-list checkboxes; an output has no business with form controls.
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'input'),
  strip: STRIP,
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(TABLE_PARTS.map((tag) => [tag, [...(defaultSchema.attributes?.[tag] ?? []), 'className']])),
  },
}

/** The result of sanitising: the safe HTML, and whether anything was taken out. */
export interface Sanitised {
  html: string
  changed: boolean
}

/**
 * Sanitise an HTML fragment (a `text/html` output, raw HTML in Markdown, an
 * HTML raw cell). HTML nested too deeply to walk (thousands of levels) is
 * dropped whole: failing closed, never passing it through.
 */
export function sanitizeHtml(html: string): Sanitised {
  return failClosed(() => {
    const tree = fromHtml(html, {fragment: true})
    const before = toHtml(tree)
    const after = withoutControls(toHtml(sanitize(tree, htmlSchema)))
    return {html: after, changed: after !== before}
  })
}

// The parser decodes character references such as `&#x1b;` into the control
// characters themselves, and the serialiser writes them raw; no page should
// carry them (removing characters from serialised HTML cannot make markup).
const CONTROLS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g
function withoutControls(html: string): string {
  return html.replace(CONTROLS, '')
}

function failClosed(run: () => Sanitised): Sanitised {
  try {
    return run()
  } catch (error) {
    if (error instanceof RangeError) return {html: '', changed: true}
    throw error
  }
}

const SVG_ELEMENTS = [
  'svg', 'g', 'defs', 'symbol', 'use', 'desc', 'title', 'style', 'switch',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image',
  'text', 'tspan', 'textPath', 'clipPath', 'mask', 'pattern', 'marker',
  'linearGradient', 'radialGradient', 'stop',
]
const SVG_ATTRIBUTES = [
  'id', 'className', 'style', 'transform', 'viewBox', 'preserveAspectRatio', 'width', 'height', 'version', 'xmlns', 'xmlnsXLink', 'xmlSpace', 'type',
  'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points', 'pathLength', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
  'fill', 'fillOpacity', 'fillRule', 'stroke', 'strokeWidth', 'strokeOpacity', 'strokeLineCap', 'strokeLineJoin', 'strokeDashArray', 'strokeDashOffset', 'strokeMiterLimit',
  'opacity', 'color', 'display', 'visibility', 'overflow', 'clipPath', 'clipRule', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits', 'vectorEffect', 'paintOrder',
  'markerStart', 'markerMid', 'markerEnd', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'fontFamily', 'fontSize', 'fontStyle', 'fontWeight', 'fontVariant', 'textAnchor', 'dominantBaseline', 'alignmentBaseline', 'baselineShift', 'letterSpacing', 'wordSpacing', 'textDecoration', 'writingMode',
  'gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'stopColor', 'stopOpacity', 'patternUnits', 'patternContentUnits', 'patternTransform',
  'shapeRendering', 'textRendering', 'imageRendering', 'href', 'xLinkHref', 'xLinkTitle',
]

/**
 * Drawing elements and presentation attributes only: no script,
 * foreignObject, animation (which can set an attribute to a script URL),
 * links or event handlers; `href` only to a place in the same SVG or a
 * `data:` image. Ids are kept as they are (a standalone SVG file cannot
 * clobber the page's).
 */
const svgSchema: Schema = {
  tagNames: SVG_ELEMENTS,
  attributes: {'*': SVG_ATTRIBUTES},
  protocols: {href: ['data'], xLinkHref: ['data']},
  strip: ['script', 'foreignObject', 'metadata', 'set', 'animate', 'animateMotion', 'animateTransform', 'iframe'],
  clobber: [],
  required: {},
  ancestors: {},
}

/**
 * Sanitise an SVG document (an `image/svg+xml` output) into a standalone SVG
 * file's text, or `''` when it holds no `<svg>` element (or is nested too
 * deeply to walk).
 */
export function sanitizeSvg(svg: string): Sanitised {
  return failClosed(() => sanitizeSvgTree(svg))
}

function sanitizeSvgTree(svg: string): Sanitised {
  const tree = fromHtml(svg, {fragment: true})
  const root = findSvg(tree)
  if (!root) return {html: '', changed: svg.trim() !== ''}
  const before = toHtml(root, {space: 'svg'})
  const clean = sanitize(root, svgSchema)
  const element = clean.type === 'element' && clean.tagName === 'svg' ? clean : undefined
  if (!element) return {html: '', changed: true}
  const changed = toHtml(element, {space: 'svg'}) !== before
  // A file needs its namespaces declared even when the output left them out.
  element.properties = {...element.properties, xmlns: 'http://www.w3.org/2000/svg', xmlnsXLink: 'http://www.w3.org/1999/xlink'}
  return {html: withoutControls(toHtml(element, {space: 'svg'})), changed}
}

function findSvg(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'svg') return child
    const found = findSvg(child)
    if (found) return found
  }
  return undefined
}
