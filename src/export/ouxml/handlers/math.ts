import type {Nodes} from 'mdast'
import type {State} from '../state.js'
import type {XmlNode} from '../types.js'
import {childId} from '../ids.js'
import {text} from './shared.js'

type MathNode = Nodes & {value: string}

const LABEL = /\\label\{([^}]*)\}/g

/**
 * `math` (`$$…$$`) → `Equation` with the TeX source in `TeX`. A `\label{x}`
 * becomes the equation's id (`<session id>_x`) and is taken out of the TeX.
 */
export function mathHandler(state: State, node: MathNode): XmlNode[] {
  const value = state.text(node.value, node)
  const label = [...value.matchAll(LABEL)][0]?.[1]?.trim()
  const id = label ? state.ids.unique(childId(state.sessionId, label)) : undefined
  const tex = value.replace(LABEL, '').trim()
  return [state.element('Equation', {id}, [state.element('TeX', {}, text(tex))], node)]
}

/** `inlineMath` (`$…$`) → `InlineEquation` with `TeX` (inline equations have no ids in OU-XML). */
export function inlineMathHandler(state: State, node: MathNode): XmlNode[] {
  const tex = state.text(node.value, node).replace(LABEL, '').trim()
  return [state.element('InlineEquation', {}, [state.element('TeX', {}, text(tex))])]
}
