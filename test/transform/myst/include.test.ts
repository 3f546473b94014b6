import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {nodesOf, startOf} from '../../parse/myst/helpers.js'
import {transformMarkdown} from './helpers.js'

/** A content folder holding `files`; returns its path. */
function content(files: Record<string, string>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'cb-myst-include-')), 'content')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), text)
  }
  return root
}

function include(root: string, markdown: string, page = 'unit/page.md') {
  return transformMarkdown(markdown, {path: join(root, page), contentPath: root})
}

describe('{include}', () => {
  it('splices in the file parsed as Markdown, its directives converted, at the directive`s place', () => {
    const root = content({'shared/part.md': '---\ntitle: Part\n---\n## Included\n\n```{note}\nFrom the part.\n```'})
    const {tree, file, messages} = include(root, 'Before\n\n```{include} ../shared/part.md\n```\n\nAfter')
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'heading', 'containerDirective', 'paragraph'])
    expect(startOf(tree.children[1]!)).toBe('3:1')
    expect(file.data.coursebook!.dependencies).toEqual([join(root, 'shared/part.md')])
    expect(messages).toEqual([])
  })

  it('selects lines (0-based, end excluded) and markers, and includes text literally or as code', () => {
    const root = content({'unit/lines.txt': 'zero\none\ntwo\nthree\n', 'unit/code.py': '# start\nprint(1)\n# end\n'})
    const {tree} = include(root, '```{include} lines.txt\n:start-line: 1\n:end-line: 3\n:literal:\n```\n\n```{include} code.py\n:code: python\n:start-after: # start\n:end-before: # end\n```')
    expect(nodesOf(tree, 'code').map((c) => [c.lang, c.value])).toEqual([
      [null, 'one\ntwo'],
      ['python', '\nprint(1)'],
    ])
  })

  it('reports a missing file, and records it as a dependency', () => {
    const root = content({})
    const {tree, file, messages} = include(root, '```{include} nowhere.md\n```')
    expect(tree.children).toEqual([])
    expect(messages).toEqual(['include-missing {include} "nowhere.md" does not exist'])
    expect(file.data.coursebook!.dependencies).toEqual([join(root, 'unit/nowhere.md')])
  })

  it('refuses a file outside the content folder', () => {
    const root = content({})
    writeFileSync(join(root, '..', 'secret.md'), 'secret')
    const {tree, messages} = include(root, '```{include} ../../secret.md\n```')
    expect(tree.children).toEqual([])
    expect(messages).toEqual(['path-outside-content {include} "../../secret.md" points outside the content folder and is not included'])
  })

  it('stops a cycle and names the chain', () => {
    const root = content({
      'unit/a.md': 'A\n\n```{include} b.md\n```',
      'unit/b.md': 'B\n\n```{include} ../other/c.md\n```',
      'other/c.md': 'C\n\n```{include} ../unit/a.md\n```',
    })
    const {tree, messages} = include(root, 'Page\n\n```{include} a.md\n```')
    expect(nodesOf(tree, 'text').map((t) => t.value)).toEqual(['Page', 'A', 'B', 'C'])
    expect(messages).toEqual(['include-cycle {include} "../unit/a.md" would include a file into itself: unit/a.md → unit/b.md → other/c.md → unit/a.md; it is left out'])
  })

  it('stops a file that includes itself', () => {
    const page = 'Me\n\n```{include} page.md\n```'
    const root = content({'unit/page.md': page})
    const {messages} = include(root, page)
    expect(messages).toEqual(['include-cycle {include} "page.md" would include a file into itself: unit/page.md → unit/page.md; it is left out'])
  })
})
