import type {List, ListItem} from 'mdast'
import type {State} from '../state.js'
import type {XmlElement, XmlNode} from '../types.js'
import {fit} from '../content-model.js'

/**
 * `list` → `BulletedList` or `NumberedList` (with `start` when it is not 1)
 * of `ListItem`s; a list inside a list item → `BulletedSubsidiaryList` or
 * `NumberedSubsidiaryList` of `SubListItem`s. OU-XML stops there: a third
 * level becomes paragraphs in its item, with a diagnostic.
 */
export function listHandler(state: State, node: List): XmlNode[] {
  const subsidiary = state.listDepth > 0
  const name = node.ordered ? (subsidiary ? 'NumberedSubsidiaryList' : 'NumberedList') : subsidiary ? 'BulletedSubsidiaryList' : 'BulletedList'
  const start = node.ordered && typeof node.start === 'number' && node.start > 1 ? String(node.start) : undefined
  state.listDepth++
  const items = state.blocks(node)
  state.listDepth--
  return [state.element(name, {start}, items, node)]
}

/** `listItem` → `ListItem` (or `SubListItem` in a subsidiary list); a task item starts with ☐ or ☒. */
export function listItemHandler(state: State, node: ListItem): XmlNode[] {
  const name = state.listDepth > 1 ? 'SubListItem' : 'ListItem'
  const content = fit(state, name, state.blocks(node))
  if (typeof node.checked === 'boolean') markTask(state, content, node.checked)
  return [state.element(name, {}, content, node)]
}

function markTask(state: State, content: XmlElement[], checked: boolean): void {
  const box: XmlNode = {type: 'text', text: checked ? '☒ ' : '☐ '}
  const first = content[0]
  if (first?.name === 'Paragraph') first.elements = [box, ...(first.elements ?? [])]
  else content.unshift(state.element('Paragraph', {}, [box]))
}
