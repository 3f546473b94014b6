import type {Code} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {listing} from './shared.js'

// MyST directives whose body is code: shown as a listing like any fenced code.
const CODE_DIRECTIVES = new Set(['code-cell', 'code-block', 'code', 'sourcecode'])

/**
 * `code` (a fenced or indented block) → `ProgramListing`, one `Paragraph`
 * per line. A MyST directive fence (```` ```{figure} ````) other than the
 * code directives is not supported yet: its source is kept as a listing,
 * with a diagnostic naming it.
 */
export function codeHandler(state: State, node: Code): XmlNode[] {
  const directive = /^\{([^}]+)\}$/.exec(node.lang ?? '')?.[1]
  if (directive && !CODE_DIRECTIVES.has(directive)) {
    state.warn('ouxml-unmapped', `The MyST directive {${directive}} is not supported by the OU-XML export yet; its source is kept as a program listing`, node)
    const source = [`\`\`\`{${directive}}${node.meta ? ` ${node.meta}` : ''}`, node.value, '```'].join('\n')
    return [listing(state, 'ProgramListing', source, node)]
  }
  return [listing(state, 'ProgramListing', node.value, node)]
}
