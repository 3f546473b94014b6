import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {VFile} from 'vfile'
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {substitutionsTransform} from '../../src/transform/substitutions.js'
import {parseMarkdownBlocks, parseMarkdownSource} from '../../src/parse/markdown.js'
import type {PageSource} from '../../src/pipeline/types.js'
import {buildCourse, tempCourse} from '../sites/helpers.js'

function run(markdown: string, substitutions: Record<string, string>, frontmatter: Record<string, unknown> = {}) {
  const file = new VFile({path: 'page.md', value: markdown})
  file.data.coursebook = {source: {} as PageSource, frontmatter, assets: [], dependencies: []}
  const tree = parseMarkdownSource(markdown) as Root
  substitutionsTransform(tree, file, {substitutions, parseMarkdown: parseMarkdownBlocks})
  return {tree, file, text: toString(tree)}
}

describe('substitutionsTransform', () => {
  it('replaces {{ name }} and {{name}} in running text, reading the value as inline Markdown', () => {
    const {tree, file} = run('Welcome to {{ course }}, the {{kind}} course.\n', {course: 'TM129 *Technologies*', kind: 'level 1'})
    expect(file.messages).toEqual([])
    const paragraph = tree.children[0] as {children: Array<{type: string; value?: string; children?: Array<{value: string}>}>}
    expect(paragraph.children.map((c) => c.type)).toEqual(['text', 'text', 'emphasis', 'text', 'text', 'text'])
    expect(toString(tree)).toBe('Welcome to TM129 Technologies, the level 1 course.')
    // The new nodes sit where the reference was, so later diagnostics point at it.
    expect(paragraph.children[2]!.type).toBe('emphasis')
    expect((paragraph.children[1] as {position?: {start: {line: number; column: number}}}).position?.start).toEqual({line: 1, column: 12})
  })

  it('turns a paragraph that is only a reference into the value\'s blocks', () => {
    const {tree} = run('Intro.\n\n{{ outcomes }}\n', {outcomes: '- one\n- two\n'})
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'list'])
    expect(tree.children[1]!.position?.start.line).toBe(3)
  })

  it('keeps an unknown name as written, with a warning at its line and column', () => {
    const {text, file} = run('Line one.\n\nSee {{ missing }} here.\n', {known: 'x'})
    expect(text).toBe('Line one.See {{ missing }} here.')
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0]).toMatchObject({ruleId: 'substitution-unknown', line: 3, column: 5, fatal: false, reason: '`{{ missing }}` names no substitution; defined: known'})
  })

  it('leaves code, inline code and math alone', () => {
    const {text, file} = run('`{{ x }}` and $\\{{ x }}$\n\n```\n{{ x }}\n```\n', {x: 'REPLACED'})
    expect(text).not.toContain('REPLACED')
    expect(file.messages).toEqual([])
  })

  it('takes the page\'s front matter substitutions over the course\'s', () => {
    expect(run('{{ a }} {{ b }}\n', {a: 'course-a', b: 'course-b'}, {substitutions: {b: 'page-b', n: 3}}).text).toBe('course-a page-b')
  })

  it('substitutes in a directive\'s title and body', () => {
    const {tree} = run('```{admonition} About {{ course }}\nStudy {{ course }} weekly.\n```\n', {course: 'TM129'})
    const directive = tree.children[0] as {type: string; args: string; children: Root['children']}
    expect(directive.type).toBe('mystDirective')
    expect(directive.args).toBe('About TM129')
    expect(toString({type: 'root', children: directive.children})).toBe('Study TM129 weekly.')
  })
})

describe('substitutions in a built course', () => {
  it('reach pages and notebook Markdown cells, and report an unknown name in a cell with the cell', async () => {
    const course = tempCourse('cb-subst-')
    course.write('week-1/a.md', '# {{ course }}\n\nWelcome to {{ course }}.\n')
    course.write('week-1/b.ipynb', JSON.stringify({
      nbformat: 4, nbformat_minor: 5, metadata: {},
      cells: [{cell_type: 'markdown', id: 'x', metadata: {}, source: '# Notebook\n\nIn {{ course }} we use {{ tool }}.'}, {cell_type: 'code', id: 'y', metadata: {}, source: 'print("{{ course }}")', execution_count: 1, outputs: [{output_type: 'display_data', metadata: {}, data: {'text/markdown': 'Printed **{{ course }}** as is'}}]}],
    }))
    const result = await buildCourse(course.root, {substitutions: {course: 'TM129'}})
    const a = result.pages.find((p) => p.source.relPath === 'week-1/a.md')!
    expect(a.title).toBe('TM129')
    expect(readFileSync(join(result.outPath, 'week-1/a.html'), 'utf8')).toContain('Welcome to TM129.')
    const b = readFileSync(join(result.outPath, 'week-1/b.html'), 'utf8')
    expect(b).toContain('In TM129 we use {{ tool }}.')
    // Code is never substituted (the highlighter splits the braces into their own spans).
    expect(b).toMatch(/>\{\{<\/span><span[^>]*> course <\/span>/)
    // Nor is what the code printed.
    expect(b).toContain('Printed <strong>{{ course }}</strong> as is')
    expect(result.diagnostics.filter((d) => d.ruleId === 'substitution-unknown')).toMatchObject([{severity: 'warning', cell: 0, line: 3, file: join(course.root, 'content/week-1/b.ipynb')}])
  })
})
