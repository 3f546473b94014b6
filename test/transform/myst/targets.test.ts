import {describe, expect, it} from 'vitest'
import {headingsTransform} from '../../../src/transform/headings.js'
import {nodesOf} from '../../parse/myst/helpers.js'
import {transformMarkdown} from './helpers.js'

describe('targets before headings', () => {
  it('give the heading the label as its id, and stay in the tree', () => {
    const {tree} = transformMarkdown('(sec-intro)=\n## Introduction\n\n## sec-intro\n\n## Other')
    const {headings} = headingsTransform(tree)
    expect(headings.map((h) => h.id)).toEqual(['sec-intro', 'sec-intro-1', 'other'])
    expect(nodesOf(tree, 'mystTarget').map((t) => t.label)).toEqual(['sec-intro'])
  })

  it('do not stop the leading heading from being the page title', () => {
    const {tree} = transformMarkdown('(page-label)=\n# The title\n\nText')
    const {title} = headingsTransform(tree)
    expect(title).toBe('The title')
    expect(tree.children.map((c) => c.type)).toEqual(['mystTarget', 'paragraph'])
  })
})
