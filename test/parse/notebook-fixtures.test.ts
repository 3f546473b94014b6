import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {imageMarkdown, run} from './notebook-helpers.js'

// Each case is test/fixtures/parse/notebook/<case>/input.ipynb, parsed as the
// page `unit/<case>.html` with a Markdown stub that knows images; tree.json,
// messages.txt and assets.txt hold the expected results. UPDATE=1 rewrites them.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/parse/notebook')
const cases = existsSync(root) ? readdirSync(root).filter(name => existsSync(path.join(root, name, 'input.ipynb'))) : []

describe.skipIf(cases.length === 0)('notebook parser fixtures', () => {
  it.each(cases)('%s', name => {
    const folder = path.join(root, name)
    const file = run(readFileSync(path.join(folder, 'input.ipynb')), {outPath: `unit/${name}.html`, parseMarkdown: imageMarkdown})
    const data = file.data.coursebook
    const actual: Record<string, string> = {
      'tree.json': `${JSON.stringify({frontmatter: data?.frontmatter, language: data?.language, tree: data?.tree}, null, 2)}\n`,
      'messages.txt': formatMessages(file),
      'assets.txt': (data?.assets ?? []).map(asset => `${asset.outPath} ${asset.data?.length ?? 0} bytes\n`).join(''),
    }
    for (const [expectedName, text] of Object.entries(actual)) {
      const expectedPath = path.join(folder, expectedName)
      if (process.env.UPDATE) writeFileSync(expectedPath, text)
      expect(text, `${name}/${expectedName}`).toBe(readFileSync(expectedPath, 'utf8'))
    }
  })
})

function formatMessages(file: VFile): string {
  return file.messages
    .map(message => {
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
      const where = [message.cell === undefined ? '' : `cell ${message.cell}`, message.line ? `${message.line}:${message.column}` : '']
        .filter(Boolean)
        .join(' ')
      return `${severity} ${where || '-'}  ${message.reason}  [${message.ruleId}]\n`
    })
    .join('')
}
