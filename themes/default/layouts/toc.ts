import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {PageLayoutData} from '../../../src/render/layout/types.js'

type Heading = PageLayoutData['page']['headings'][number]

interface TocEntry {
  heading: Heading
  children: Heading[]
}

/**
 * The in-page table of contents: depth-2 headings, each with its depth-3
 * headings nested below. Empty when the page has no such headings, so the
 * layout can leave the `<aside>` out.
 */
export function renderToc(headings: Heading[]): SafeHtml {
  const entries = nestHeadings(headings)
  if (entries.length === 0) return html``
  return html`<p class="toc-title">On this page</p>
<ol class="toc-list">
${entries.map(
  (entry) => html`<li><a href="#${entry.heading.id}">${entry.heading.text}</a>${
    entry.children.length > 0
      ? html`<ol>${entry.children.map((child) => html`<li><a href="#${child.id}">${child.text}</a></li>`)}</ol>`
      : ''
  }</li>
`,
)}</ol>`
}

function nestHeadings(headings: Heading[]): TocEntry[] {
  const entries: TocEntry[] = []
  for (const heading of headings) {
    if (heading.depth !== 2 && heading.depth !== 3) continue
    const parent = entries.at(-1)
    // A depth-3 heading before any depth-2 one has no parent: list it at the top.
    if (heading.depth === 3 && parent) parent.children.push(heading)
    else entries.push({heading, children: []})
  }
  return entries
}
