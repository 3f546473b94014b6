import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {GlossaryLayoutData} from '../../../src/render/layout/types.js'
import {renderDocument} from './base.js'
import {homeLink, link} from './format.js'

/**
 * The course glossary: every term in alphabetical order as a description
 * list, each term with the id `{term}` references link to, its definition,
 * and a link back to the page that defines it.
 */
export function renderGlossary(data: GlossaryLayoutData): SafeHtml {
  const main = html`<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="${homeLink(data)}">${data.course.code}</a></li>
<li>Glossary</li>
</ol>
</nav>
<article class="page page-glossary">
<header class="page-header">
<h1>Glossary</h1>
</header>
<div class="prose page-body">
<dl class="glossary course-glossary">
${data.terms.map(
  (t) => html`<dt id="${t.id}">${t.term}</dt>
<dd>${t.definition}
<p class="glossary-source">Defined in <a href="${link(data, t.definedIn.href)}">${t.definedIn.title}</a></p>
</dd>
`,
)}</dl>
</div>
</article>`
  return renderDocument(data, {layout: 'glossary', title: 'Glossary', main})
}
