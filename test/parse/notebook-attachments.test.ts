import {createHash} from 'node:crypto'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {pageAssetPath} from '../../src/pipeline/asset-path.js'
import {
  hasSharedFixtures,
  imageMarkdown,
  markdownCell,
  messagesOf,
  notebook,
  run,
  runFixture,
  tinyPng,
  treeOf,
} from './notebook-helpers.js'

describe('parseNotebook: attachments', () => {
  const bytes = Buffer.from(tinyPng, 'base64')
  const hash = createHash('sha1').update(bytes).digest('hex').slice(0, 12)

  it('writes an attachment as a page asset and points the image at it', () => {
    const file = run(
      notebook([markdownCell('See ![logo](attachment:logo.png) and ![again](attachment:logo.png)', {attachments: {'logo.png': {'image/png': tinyPng}}})]),
      {parseMarkdown: imageMarkdown},
    )
    expect(file.messages).toEqual([])
    expect(file.data.coursebook?.assets).toEqual([{outPath: `week-01/intro_files/${hash}.png`, data: bytes}])
    const urls: string[] = []
    visit(treeOf(file), 'image', node => void urls.push(node.url))
    expect(urls).toEqual([`intro_files/${hash}.png`, `intro_files/${hash}.png`])
  })

  it('warns on a missing attachment, naming the cell, and leaves the url', () => {
    const file = run(
      notebook([markdownCell('text'), markdownCell('![x](attachment:missing.png)', {attachments: {'other.png': {'image/png': tinyPng}}})]),
      {parseMarkdown: imageMarkdown},
    )
    expect(messagesOf(file)).toEqual([
      {ruleId: 'attachment-missing', cell: 1, reason: 'Attachment "missing.png" is not attached to this cell; it has "other.png"'},
    ])
    expect(file.messages[0]?.line).toBe(1)
    expect(file.data.coursebook?.assets).toEqual([])
    visit(treeOf(file), 'image', node => void expect(node.url).toBe('attachment:missing.png'))
  })

  it.skipIf(!hasSharedFixtures)('decodes the attachments of nbconvert attachment.ipynb (PNG, and SVG listed first)', () => {
    const file = runFixture('edge/nbconvert/exporters/files/attachment.ipynb', {outPath: 'unit/attach.html', parseMarkdown: imageMarkdown})
    expect(file.messages).toEqual([])
    const assets = file.data.coursebook?.assets ?? []
    expect(assets.map(asset => asset.outPath.replace(/[0-9a-f]{12}/, 'HASH'))).toEqual(['unit/attach_files/HASH.png', 'unit/attach_files/HASH.svg'])
    expect(Buffer.from(assets[0]!.data as Uint8Array).subarray(1, 4).toString()).toBe('PNG')
    expect(Buffer.from(assets[1]!.data as Uint8Array).toString()).toMatch(/^<svg /)
  })
})

describe('pageAssetPath', () => {
  const bytes = new TextEncoder().encode('hello')
  const hash = createHash('sha1').update(bytes).digest('hex').slice(0, 12)

  it.each([
    ['week-01/intro.html', 'png', `week-01/intro_files/${hash}.png`, `intro_files/${hash}.png`],
    ['index.html', '.svg', `index_files/${hash}.svg`, `index_files/${hash}.svg`],
    ['a/b/my page.html', 'jpg', `a/b/my page_files/${hash}.jpg`, `my page_files/${hash}.jpg`],
  ])('places a file of %s', (page, ext, outPath, url) => {
    expect(pageAssetPath(page, bytes, ext)).toEqual({outPath, url})
  })

  it('gives identical bytes the same name and different bytes different names', () => {
    expect(pageAssetPath('p.html', bytes, 'png')).toEqual(pageAssetPath('p.html', new TextEncoder().encode('hello'), 'png'))
    expect(pageAssetPath('p.html', bytes, 'png').url).not.toBe(pageAssetPath('p.html', new TextEncoder().encode('hellO'), 'png').url)
  })
})
