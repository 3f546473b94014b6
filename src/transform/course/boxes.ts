import type {Code} from 'mdast'
import type {MystDirective} from '../../pipeline/types.js'
import type {CourseBox} from './nodes.js'
import {origin} from './tree.js'

/**
 * `ou-where-next` → a "Where next?" box; `tutor` → a box for tutors only
 * (removed from a student build). The arguments, if any, are the title.
 */
export function boxFrom(node: MystDirective, kind: 'where-next' | 'tutor'): CourseBox {
  const box: CourseBox = {type: 'courseBox', kind, children: node.children, ...origin(node)}
  const title = node.args.trim()
  if (title) box.title = title
  if (kind === 'tutor') box.audience = 'tutor'
  return box
}

/**
 * `ou-codestyle` (code the OU toolchain styles by language) → a fenced code
 * block in the language named by the argument, which the highlighter styles
 * as it does any other.
 */
export function codeStyleFrom(node: MystDirective): Code {
  const code: Code = {type: 'code', lang: node.args.trim().split(/\s+/)[0] || null, meta: null, value: node.value.replace(/\n$/, ''), ...origin(node)}
  return code
}
