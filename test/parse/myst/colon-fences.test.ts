import {describe, expect, it} from 'vitest'
import {parseMarkdownSource} from '../../../src/parse/markdown.js'
import {rewriteColonFences} from '../../../src/parse/myst/colon-fences.js'
import {directivesOf, nodesOf, startOf} from './helpers.js'

describe('colon fences', () => {
  it('are rewritten as code fences line for line', () => {
    const source = 'Before\n\n:::{note} A title\n:class: x\nBody\n:::\n\nAfter'
    const rewritten = rewriteColonFences(source)
    expect(rewritten).toBe('Before\n\n```{note} A title\n:class: x\nBody\n```\n\nAfter')
    expect(rewritten.split('\n')).toHaveLength(source.split('\n').length)
  })

  it('use a fence longer than any fence in the body, and tildes when the arguments hold a backtick', () => {
    expect(rewriteColonFences(':::{note}\n````python\nx\n````\n:::')).toBe('`````{note}\n````python\nx\n````\n`````')
    expect(rewriteColonFences(':::{admonition} The `x` option\nBody\n:::')).toBe('~~~{admonition} The `x` option\nBody\n~~~')
  })

  it('parse as directives, nested ones with more colons outside', () => {
    const tree = parseMarkdownSource('::::{important}\n:::{seealso} Inner\nText\n:::\n::::')
    const [outer, inner] = directivesOf(tree)
    expect(outer).toMatchObject({name: 'important', args: ''})
    expect(inner).toMatchObject({name: 'seealso', args: 'Inner', value: 'Text'})
    expect(startOf(inner!)).toBe('2:1')
    expect(startOf(inner!.children[0]!)).toBe('3:1')
  })

  it('close at the first line of at least as many colons, as in MyST', () => {
    const [note] = directivesOf(parseMarkdownSource(':::{note}\nOne\n::::\n\nAfter'))
    expect(note!.value).toBe('One')
  })

  it('run to the end when never closed', () => {
    const [note] = directivesOf(parseMarkdownSource(':::{note}\nOne\n\nTwo'))
    expect(note!.value).toBe('One\n\nTwo')
  })

  it('stay as they are inside code fences', () => {
    const tree = parseMarkdownSource('```text\n:::{note}\nexample\n:::\n```')
    expect(directivesOf(tree)).toEqual([])
    expect(nodesOf(tree, 'code')[0]!.value).toBe(':::{note}\nexample\n:::')
  })

  it('leave remark-directive containers (`:::note`, no braces) to remark-directive, also around a colon fence', () => {
    const tree = parseMarkdownSource('::::note\n:::{tip}\nInside\n:::\n::::')
    const [container] = nodesOf(tree, 'containerDirective')
    expect(container).toMatchObject({name: 'note'})
    expect(directivesOf(container!)).toMatchObject([{name: 'tip', value: 'Inside'}])
  })
})
