import type {Paragraph, Parents, Root} from 'mdast'
import type {Math} from 'mdast-util-math'

declare module 'mdast-util-math' {
  interface InlineMathData {
    /** Written with `$$` inside running text: Jupyter typesets it as a display formula. */
    display?: boolean
  }
}

/**
 * `$$…$$` written inside a line. remark-math reads it as inline maths, but
 * Jupyter (MathJax) and MyST show it as a display formula, so notebooks
 * written for Jupyter must too: a paragraph holding nothing but such a
 * formula becomes a display `math` block (so a MyST `(label)` can number
 * it); one among other text keeps its place, marked to be typeset in
 * display style. `text` is the exact string the tree was parsed from.
 */
export function displayDollarMath(tree: Root, text: string): void {
  if (!text.includes('$$')) return
  const walk = (parent: Parents) => {
    parent.children.forEach((child, index) => {
      if (child.type === 'paragraph') {
        const block = asDisplayBlock(child, text)
        if (block) parent.children[index] = block as never
        else markDisplay(child, text)
      } else if ('children' in child) walk(child as Parents)
    })
  }
  walk(tree)
}

function writtenWithDoubleDollar(node: {position?: {start: {offset?: number}}}, text: string): boolean {
  const offset = node.position?.start.offset
  return offset !== undefined && text.startsWith('$$', offset)
}

function asDisplayBlock(paragraph: Paragraph, text: string): Math | undefined {
  const content = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  const only = content.length === 1 ? content[0]! : undefined
  if (only?.type !== 'inlineMath' || !writtenWithDoubleDollar(only, text)) return undefined
  return {type: 'math', value: only.value, position: paragraph.position, data: paragraph.data as Math['data']}
}

function markDisplay(paragraph: Paragraph, text: string): void {
  for (const child of paragraph.children) {
    if (child.type === 'inlineMath' && writtenWithDoubleDollar(child, text)) child.data = {...child.data, display: true}
  }
}
