import type {Nodes, Paragraph, Parents} from 'mdast'
import type {Math} from 'mdast-util-math'
import {SKIP, visit} from '../../pipeline/visit.js'
import {rewriteColonFences} from './colon-fences.js'
import {directiveFromCode, type ParseBody} from './directive.js'
import {takeMathLabels, type MathLabels} from './math-labels.js'
import {takeRoles} from './roles.js'
import {hasMyst, mystSignals, type MystSignals} from './signals.js'
import {splitTarget} from './targets.js'

export {MAX_DIRECTIVE_DEPTH, type ParseBody} from './directive.js'
export {splitOptions} from './options.js'
export {shiftPositions} from './positions.js'

declare module 'mdast-util-math' {
  interface MathData {
    /** The equation's MyST label (`:label:` of a `{math}` directive, or `$$ … $$ (label)`). */
    label?: string
  }
}

/** A Markdown source prepared for parsing, and what the tree pass needs to know about it. */
export interface PreparedSource {
  /** The text to parse: line for line the source, with colon fences and equation labels rewritten. */
  text: string
  /** Undefined when the source holds no MyST syntax at all (the tree pass is skipped). */
  signals?: MystSignals
  labels?: MathLabels
}

/**
 * Prepare a Markdown source for the parser. A source without MyST syntax is
 * returned as it is, after one cheap scan per kind.
 */
export function prepareMystSource(source: string): PreparedSource {
  const signals = mystSignals(source)
  if (!hasMyst(signals)) return {text: source}
  let text = signals.colonFences ? rewriteColonFences(source) : source
  // A colon fence turned into a code fence is a directive fence now.
  if (signals.colonFences && text !== source) signals.directives = true
  let labels: MathLabels | undefined
  if (signals.mathLabels) ({text, labels} = takeMathLabels(text))
  return {text, signals, labels}
}

/**
 * Turn the MyST syntax in a parsed tree into MyST nodes: directive fences
 * into `mystDirective` (their bodies parsed with `parseBody`), `(label)=`
 * paragraphs into `mystTarget`, `` {name}`value` `` into `mystRole`, and
 * equation labels into `data.label` on `math` (a labelled one-line
 * `$$ … $$` becomes a `math` block). `depth` is how deep in directive
 * bodies this tree is.
 */
export function mystSyntax(tree: Parents, prepared: PreparedSource, parseBody: ParseBody, depth = 0): void {
  const {signals, labels} = prepared
  if (!signals) return
  visit(tree, (node: Nodes, index, parent) => {
    if (node.type === 'code' && signals.directives && parent && index !== undefined) {
      const directive = directiveFromCode(node, depth, parseBody)
      if (!directive) return
      parent.children[index] = directive
      // Its body was parsed (and its MyST syntax taken) on its own.
      return SKIP
    }
    if (node.type === 'math' && labels) {
      const label = labels.get(node.position?.end.line ?? 0)
      if (label) node.data = {...node.data, label: label.label}
      return
    }
    if (node.type === 'paragraph' && parent && index !== undefined) {
      if (signals.targets) {
        const split = splitTarget(node)
        if (split) {
          parent.children.splice(index, 1, split.target, ...(split.rest ? [split.rest] : []))
          return index + 1
        }
      }
      if (labels) {
        const math = labelledOneLine(node, labels)
        if (math) {
          parent.children[index] = math
          return SKIP
        }
      }
    }
    if (signals.roles && 'children' in node) takeRoles(node)
  })
}

/** A paragraph that is just `$$ … $$` written on a labelled line, as a labelled `math` block. */
function labelledOneLine(paragraph: Paragraph, labels: MathLabels): Math | undefined {
  const line = paragraph.position?.start.line
  const label = line === undefined ? undefined : labels.get(line)
  const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined
  if (!label?.oneLine || only?.type !== 'inlineMath') return undefined
  const math: Math = {type: 'math', meta: null, value: only.value, data: {label: label.label}}
  if (paragraph.position) math.position = paragraph.position
  if (paragraph.data) math.data = {...paragraph.data, label: label.label}
  return math
}
