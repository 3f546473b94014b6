import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import type {PageSource, RichOutput} from '../../src/pipeline/types.js'
import {outputFilesTransform} from '../../src/transform/output-files.js'
import {codeCell, rich, stream} from '../render/notebook-html.js'

// PNG signature plus three bytes: sha1 2834271da1c3…, base64 below.
const PNG_BYTES = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3])
const PNG_BASE64 = 'iVBORw0KGgoBAgM='
const PNG_NAME = '2834271da1c3.png'
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><text>é</text></svg>'

function page(outPath: string): VFile {
  const file = new VFile({path: '/course/content/page.ipynb'})
  file.data.coursebook = {source: {outPath} as PageSource, frontmatter: {}, assets: [], dependencies: []}
  return file
}

function run(outputs: RichOutput[], outPath = 'week-01/intro.html'): {outputs: RichOutput[]; file: VFile} {
  const tree: Root = {type: 'root', children: [codeCell({children: outputs})]}
  const file = page(outPath)
  outputFilesTransform(tree, file)
  return {outputs, file}
}

describe('outputFilesTransform', () => {
  it('writes a PNG beside the page and points the output at it', () => {
    const {outputs, file} = run([rich('image/png', PNG_BASE64)])
    expect(outputs[0]!.url).toBe(`intro_files/${PNG_NAME}`)
    const assets = file.data.coursebook!.assets
    expect(assets.map((asset) => asset.outPath)).toEqual([`week-01/intro_files/${PNG_NAME}`])
    expect(assets[0]!.data).toEqual(PNG_BYTES)
  })

  it('handles a page at the site root', () => {
    const {outputs, file} = run([rich('image/png', PNG_BASE64)], 'intro.html')
    expect(outputs[0]!.url).toBe(`intro_files/${PNG_NAME}`)
    expect(file.data.coursebook!.assets[0]!.outPath).toBe(`intro_files/${PNG_NAME}`)
  })

  it('writes identical images once, even when wrapped differently', () => {
    const wrapped = `${PNG_BASE64.slice(0, 6)}\n${PNG_BASE64.slice(6)}\n`
    const {outputs, file} = run([rich('image/png', PNG_BASE64), rich('image/png', wrapped), rich('image/png', `data:image/png;base64,${PNG_BASE64}`)])
    expect(new Set(outputs.map((output) => output.url))).toEqual(new Set([`intro_files/${PNG_NAME}`]))
    expect(file.data.coursebook!.assets).toHaveLength(1)
  })

  it('gives different images different files', () => {
    const {outputs, file} = run([rich('image/png', PNG_BASE64), rich('image/png', 'AAECAw==')])
    expect(outputs[0]!.url).not.toBe(outputs[1]!.url)
    expect(file.data.coursebook!.assets).toHaveLength(2)
  })

  it.each([
    ['image/jpeg', 'jpg'],
    ['image/gif', 'gif'],
    ['image/png', 'png'],
  ])('names a %s file .%s', (mime, ext) => {
    const {outputs} = run([rich(mime, PNG_BASE64)])
    expect(outputs[0]!.url).toBe(`intro_files/2834271da1c3.${ext}`)
  })

  it('writes SVG as UTF-8 text, hashed as such', () => {
    const {outputs, file} = run([rich('image/svg+xml', SVG)])
    expect(outputs[0]!.url).toBe('intro_files/3b4cdc1da67a.svg')
    expect(new TextDecoder().decode(file.data.coursebook!.assets[0]!.data as Uint8Array)).toBe(SVG)
  })

  it.each([
    ['invalid base64', 'image/png', 'not*base64'],
    ['padding in the middle', 'image/png', 'AA==AA=='],
    ['a truncated quantum', 'image/png', 'AAAAA'],
    ['empty data', 'image/png', ''],
    ['only whitespace', 'image/jpeg', '\n  \n'],
    ['an empty SVG', 'image/svg+xml', '  '],
  ])('leaves url unset for %s', (_, mime, value) => {
    const {outputs, file} = run([rich(mime, value)])
    expect(outputs[0]!.url).toBeUndefined()
    expect(file.data.coursebook!.assets).toEqual([])
  })

  it('leaves url unset when the value is not a string', () => {
    const {outputs} = run([rich('image/png', 42 as never)])
    expect(outputs[0]!.url).toBeUndefined()
  })

  it('leaves other outputs alone', () => {
    const tree: Root = {type: 'root', children: [codeCell({children: [stream(PNG_BASE64), rich('text/plain', PNG_BASE64), rich('image/bmp', PNG_BASE64)]})]}
    const before = structuredClone(tree)
    const file = page('a.html')
    outputFilesTransform(tree, file)
    expect(tree).toEqual(before)
    expect(file.data.coursebook!.assets).toEqual([])
  })

  it('does nothing without page data', () => {
    const output = rich('image/png', PNG_BASE64)
    outputFilesTransform({type: 'root', children: [codeCell({children: [output]})]}, new VFile())
    expect(output.url).toBeUndefined()
  })

  it('never sets a data: URI', () => {
    const {outputs} = run([rich('image/png', `data:image/png;base64,${PNG_BASE64}`), rich('image/gif', 'data:image/gif;base64,!!')])
    for (const output of outputs) expect(output.url ?? '').not.toMatch(/^data:/)
  })
})
