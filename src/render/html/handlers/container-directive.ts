import type {Element, ElementContent} from 'hast'
import type {ContainerDirective} from 'mdast-util-directive'
import type {State} from 'mdast-util-to-hast'

/**
 * `containerDirective` → the element its `data.hName`/`hProperties` name,
 * as mdast-util-to-hast would make it (a `div` when none); except a MyST
 * `{dropdown}` (an admonition `aside` with class `dropdown`), which becomes
 * `<details>` with its title paragraph as the `<summary>`: it opens and
 * closes without a script.
 */
export function containerDirectiveHandler(state: State, node: ContainerDirective): Element | ElementContent {
  const element: Element = {type: 'element', tagName: 'div', properties: {}, children: state.all(node)}
  state.patch(node, element)
  const result = state.applyData(node, element)
  if (result.type !== 'element' || result.tagName !== 'aside' || !hasClass(result, 'dropdown')) return result
  result.tagName = 'details'
  delete result.properties.role
  const title = result.children.find((child): child is Element => child.type === 'element')
  if (title && title.tagName === 'p' && hasClass(title, 'admonition-title')) title.tagName = 'summary'
  return result
}

function hasClass(element: Element, name: string): boolean {
  const className = element.properties.className
  return Array.isArray(className) && className.includes(name)
}
