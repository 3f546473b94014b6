import type {Heading, Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {NumberingConfig} from '../../config/schema.js'
import type {CellData, CourseFigure, PageTarget} from '../../pipeline/types.js'
import {token} from '../../pipeline/tokens.js'
import {hasTag, texLabels} from './tex.js'

/** On a labelled display `math` node, set here for the math transform: its HTML id and its visible number. */
export interface EquationNumbering {
  id: string
  /** `(2.3)` as tokens; absent when equations are not numbered. */
  enumerator?: string
}

/** A number shown in a format: `Figure %s` with the number token of `label`. */
export function formatNumber(format: string, label: string): string {
  return format.replaceAll('%s', token('num', label))
}

const FIGURE_SWITCH = {figure: 'figures', table: 'tables', code: 'code'} as const

/**
 * Collects a page's targets in reading order, one node at a time (see
 * `walk`), and prepares the tree for numbering: a captioned `courseFigure`
 * gets its `enumerator` (`Figure ` and the number token of its label, or of
 * an id generated from the page path when it has none); a labelled display
 * equation gets `data.numbering` and carries its label as `\label{…}` in its
 * TeX (the one form the HTML and OU-XML conversions read); a heading is a
 * section target (its id, or the label of a `(label)=` before it), numbered
 * with a token before its text when `sections` is on; a labelled activity is
 * a target. A `(label)=` before any other block gives that block the label
 * as its id. `page` is the content-relative path of the page, used only in
 * generated labels.
 */
export class TargetCollector {
  readonly targets: PageTarget[] = []
  private pending: string | undefined
  private generated = 0

  constructor(
    private readonly options: NumberingConfig,
    private readonly page: string,
  ) {}

  /** Look at the next node in reading order. */
  enter(node: Nodes): void {
    if (node.type === 'notebookMarkdownCell') return
    if (node.type === 'mystTarget') {
      if (node.label.trim()) this.pending = node.label.trim()
      return
    }
    const label = this.pending
    this.pending = undefined
    for (const target of this.targetsOf(node, label)) this.targets.push(placed(target, node))
  }

  private targetsOf(node: Nodes, label: string | undefined): PageTarget[] {
    const {options} = this
    switch (node.type) {
      case 'heading':
        return [sectionTarget(node, label, options)]
      case 'courseFigure': {
        if (label && !node.label) node.label = label
        const numbered = options[FIGURE_SWITCH[node.kind]] && node.caption.length > 0
        if (!numbered && !node.label) return []
        const id = node.label ?? `${this.page}#${node.kind}-${++this.generated}`
        if (numbered) node.enumerator = formatNumber(options.format[node.kind], id)
        return [{label: id, kind: node.kind, id: node.label ?? '', title: captionText(node), numbered}]
      }
      case 'math':
        return equationTargets(node, label, options)
      case 'courseActivity':
        if (label && !node.label) node.label = label
        return node.label ? [{label: node.label, kind: 'activity', id: node.label, title: node.title ?? '', numbered: false}] : []
      default:
        return label ? [blockTarget(node, label)] : []
    }
  }
}

function placed(target: PageTarget, node: Nodes): PageTarget {
  const line = node.position?.start.line
  const cell = (node.data as CellData | undefined)?.cell
  if (line !== undefined) target.line = line
  if (cell !== undefined) target.cell = cell
  return target
}

function sectionTarget(node: Heading, label: string | undefined, options: NumberingConfig): PageTarget {
  const id = headingId(node)
  const target: PageTarget = {label: label ?? id, kind: 'section', id, title: toString(node).trim(), numbered: options.sections, depth: node.depth}
  if (!label) target.implicit = true
  if (options.sections) node.children.unshift({type: 'text', value: `${token('num', target.label)} `})
  return target
}

function headingId(node: Heading): string {
  const id = (node.data as {hProperties?: {id?: unknown}} | undefined)?.hProperties?.id
  return typeof id === 'string' ? id : ''
}

/** A labelled display equation: one target per label, all sharing the equation's id (its first label). */
function equationTargets(node: Extract<Nodes, {type: 'math'}>, pending: string | undefined, options: NumberingConfig): PageTarget[] {
  const given = (node.data as {label?: unknown} | undefined)?.label
  let labels = texLabels(node.value)
  // `data` escapes the control-characters transform: the token delimiters are taken out here.
  const clean = typeof given === 'string' ? given.replace(/[\uE000-\uE002{}]/g, '').trim() : ''
  const extra = clean || pending
  if (extra && !labels.includes(extra)) {
    // Appended, so that positions of KaTeX errors in the formula stay right.
    node.value = `${node.value}\\label{${extra}}`
    labels = [...labels, extra]
  }
  if (labels.length === 0) return []
  const id = labels[0]!
  const numbered = options.equations && !hasTag(node.value)
  const numbering: EquationNumbering = {id, enumerator: numbered ? formatNumber(options.format.equation, id) : undefined}
  node.data = {...node.data, numbering} as typeof node.data
  return labels.map((label) => ({label, kind: 'equation', id, title: label, numbered}))
}

/** A `(label)=` before a block that is not a heading, figure, equation or activity: the block takes the label as its id. */
function blockTarget(node: Nodes, label: string): PageTarget {
  const data = (node.data ?? {}) as {hProperties?: Record<string, unknown>}
  node.data = {...data, hProperties: {...data.hProperties, id: label}} as typeof node.data
  const text = toString(node).replace(/\s+/g, ' ').trim()
  return {label, kind: 'section', id: label, title: text.length > 80 ? `${text.slice(0, 79)}…` : text, numbered: false}
}

function captionText(node: CourseFigure): string {
  return node.caption.map((child) => toString(child)).join('').replace(/\s+/g, ' ').trim()
}
