import {describe, expect, it} from 'vitest'
import {existsSync, readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {extractSections} from '../../../src/render/search/extract.js'
import {processPage} from '../../../src/pipeline/page.js'
import {configFromObject} from '../../../src/config/load.js'
import type {PageSource, Unit} from '../../../src/pipeline/types.js'
import {projectRoot, sharedFixtures} from '../../sites/helpers.js'

describe('extractSections', () => {
  it('splits a body at its depth-2 and depth-3 headings with ids, keeping the text before the first', () => {
    const sections = extractSections(
      '<p>Intro text.</p><h2 id="first">First <em>part</em></h2><p>One</p><h4 id="deep">Deep</h4><p>still one</p><h3 id="second">Second</h3><p>Two</p><h2>No id</h2><p>still two</p>',
    )
    expect(sections).toEqual([
      {anchor: '', heading: '', text: 'Intro text.'},
      {anchor: 'first', heading: 'First part', text: 'One Deep still one'},
      {anchor: 'second', heading: 'Second', text: 'Two No id still two'},
    ])
  })

  it('keeps code and inline formulas (as MathML text), and leaves out displayed equations, outputs, prompts, drawings, scripts and collapsed-cell labels', () => {
    const body = [
      '<div class="cell cell-code"><div class="cell-input"><div class="prompt" aria-hidden="true">[1]:</div><pre class="shiki"><code><span class="line"><span style="color:#000">speed </span><span>=</span> 3</span>',
      '<span class="line">print(speed)</span></code></pre></div>',
      '<div class="cell-outputs"><div class="output output-stream"><pre>OUTPUTTEXT</pre></div><div class="output"><div class="nested"><p>DEEPOUTPUT</p></div></div></div></div>',
      '<p>The energy <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E=mc^2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">GLYPHS</span></span></span> grows.</p>',
      '<span class="katex-display"><span class="katex"><span class="katex-mathml"><math display="block"><mi>DISPLAYED</mi></math></span></span></span>',
      '<details class="cell-hidden"><summary>Show code</summary><pre><code>hidden_but_code()</code></pre></details>',
      '<figure><svg viewBox="0 0 1 1"><text>SVGTEXT</text><path d="M0 0"/></svg><figcaption>A caption</figcaption></figure>',
      '<script>var x = "<p>SCRIPTTEXT</p>"</script><style>p { color: red }</style><span class="visually-hidden">Study time: </span>',
    ].join('\n')
    const [only] = extractSections(body)
    expect(only!.text).toBe('speed = 3 print(speed) The energy E=mc2 grows. hidden_but_code() A caption')
  })

  it('decodes character references and does not run words of adjacent blocks together', () => {
    const [section] = extractSections('<p>Tom &#x26; Jerry&nbsp;&lt;3 &mdash; caf&#233;</p><p>next</p><ul><li>one</li><li>two</li></ul>a<br>b')
    expect(section!.text).toBe('Tom & Jerry <3 — café next one two a b')
  })

  it('reads attribute values that hold ">" and ignores a stray end tag', () => {
    const sections = extractSections('<p title="a > b">kept</p></div><h2 data-x="1>2" id="x">H</h2><p>after</p>')
    expect(sections).toEqual([
      {anchor: '', heading: '', text: 'kept'},
      {anchor: 'x', heading: 'H', text: 'after'},
    ])
  })

  it('skips a left-out element whole, past nested elements of its name, look-alike names and a script that writes its end tag', () => {
    const body = [
      '<p>before</p>',
      '<div class="cell-outputs"><div><div>NESTED</div></div><divx>LOOKALIKE</divx><script>document.write("</div><p>FAKE</p>")</script><div>LAST</div></div>',
      '<p>after</p>',
      '<span class="katex-html"><span><span>GLYPH</span></span></span><span>tail</span>',
      '<div class="cell-outputs"><div>UNCLOSED',
    ].join('')
    expect(extractSections(body)).toEqual([{anchor: '', heading: '', text: 'before after tail'}])
  })

  it('keeps a heading with no text under it, and drops an empty lead', () => {
    expect(extractSections('<h2 id="only">Only a heading</h2>')).toEqual([{anchor: 'only', heading: 'Only a heading', text: ''}])
  })

  // The scanner must see the same prose as an HTML parser does on real rendered pages.
  it.skipIf(!existsSync(join(sharedFixtures, 'notebooks')))('extracts the prose an HTML parser finds in rendered real notebooks', async () => {
    const dir = join(sharedFixtures, 'notebooks')
    const walk = (folder: string): string[] =>
      readdirSync(folder, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? walk(join(folder, e.name)) : e.name.endsWith('.ipynb') ? [join(folder, e.name)] : []))
    const files = walk(dir).sort()
    expect(files.length).toBeGreaterThan(5)
    const config = configFromObject({code: 'X', title: 'T'}, projectRoot)
    const unit: Unit = {dir: 'u', slug: 'u', title: 'U', learningOutcomes: [], meta: {}, pages: []}
    for (const path of files) {
      const name = relative(dir, path)
      const source: PageSource = {path, relPath: `u/${name}`, kind: 'notebook', outPath: 'u/page.html', unit, order: 0}
      const {result} = await processPage({config, pagesBySource: new Map(), units: [unit]}, source)
      if (!result) continue
      const text = extractSections(result.body).map((s) => `${s.heading} ${s.text}`).join(' ')
      // Every paragraph and list item outside outputs and formulas appears in the extracted text.
      const tree = fromHtml(result.body, {fragment: true})
      for (const node of selectAll('p, li', tree)) {
        if (selectAll('.katex, svg, math', node).length > 0) continue
        const inOutput = selectAll('.cell-outputs p, .cell-outputs li, .visually-hidden p', tree).includes(node)
        const words = toString(node).replace(/\s+/g, ' ').trim()
        if (!inOutput && words) expect(text, `${name}: ${words.slice(0, 60)}`).toContain(words)
      }
    }
  }, 120_000)
})

