import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {visit} from 'unist-util-visit'
import {treeToHtml} from '../../../src/render/html/to-html.js'
import {sharedFixtures} from '../../sites/helpers.js'
import {transformMarkdown} from './helpers.js'

const myst = join(sharedFixtures, 'myst')

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return markdownFiles(path)
    return name.endsWith('.md') ? [path] : []
  })
}

/**
 * Directives these transforms leave to others (the OU course constructs,
 * which another transform handles in the page pipeline) or that the books
 * use on purpose without any renderer (in-browser code runners).
 */
const LEFT_TO_OTHERS = /^(ou-.*|exercise|solution|youtube)$/
const DELIBERATELY_UNKNOWN = new Set(['pyodide-terminal', 'notebooklite', 'jupyterlite', 'replite', 'thebe-button', 'voici', 'retrolite'])

describe.skipIf(!existsSync(myst))('every Markdown page of the MyST books in ../shared/fixtures/myst', () => {
  const files = existsSync(myst) ? markdownFiles(myst).sort() : []

  it('has pages', () => {
    expect(files.length).toBeGreaterThan(30)
  })

  for (const path of files) {
    it(path.slice(myst.length + 1), () => {
      const {tree, messages} = transformMarkdown(readFileSync(path, 'utf8'), {path, contentPath: myst})
      // No directive fence survives as a code block, and no MyST node is left for the renderer.
      const leftovers: string[] = []
      visit(tree, (node) => {
        if (node.type === 'code' && /^\{/.test(node.lang ?? '')) leftovers.push(`code ${node.lang}`)
        if (node.type === 'mystDirective') leftovers.push(node.type)
        // `sub` and `sup` roles stay for the renderers to draw.
        if (node.type === 'mystRole' && node.name !== 'sub' && node.name !== 'sup') leftovers.push(`role ${node.name}`)
      })
      expect(leftovers).toEqual([])
      const html = treeToHtml(tree)
      expect(html).not.toMatch(/class="language-\{/)
      const unknown = messages.filter((m) => m.startsWith('directive-unknown')).map((m) => /\{([^}]+)\}/.exec(m)![1]!)
      expect(unknown.filter((name) => !LEFT_TO_OTHERS.test(name) && !DELIBERATELY_UNKNOWN.has(name))).toEqual([])
    })
  }
})
