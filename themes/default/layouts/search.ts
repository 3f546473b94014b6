import {html, type SafeHtml} from '../../../src/render/layout/html.js'
import type {SearchLayoutData} from '../../../src/render/layout/types.js'
import {renderDocument} from './base.js'
import {link} from './format.js'

/**
 * The search page: a search form whose query (`?q=`) the theme's
 * `search.js` runs against the index written into the site, listing each
 * result with its page and unit and the words found marked in a snippet.
 * The only page of the theme with scripts; without JavaScript it says that
 * search needs it. The header's search box is left out here, as the page has
 * its own.
 */
export function renderSearch(data: SearchLayoutData): SafeHtml {
  const main = html`<header class="page-header">
<h1>Search</h1>
</header>
<form class="search-form" action="${link(data, data.href)}" method="get" role="search">
<label for="search-query">Search the course</label>
<div class="search-form-row">
<input id="search-query" type="search" name="q" autocomplete="off" spellcheck="false">
<button type="submit">Search</button>
</div>
</form>
<noscript><p class="search-needs-script">Search needs JavaScript, which is turned off in this browser. Every page of the course is listed in the course contents.</p></noscript>
<p class="search-status" role="status" aria-live="polite"></p>
<ol class="search-results"></ol>
${data.scripts.map((src) => html`<script src="${link(data, src)}"></script>\n`)}`
  return renderDocument({...data, search: undefined}, {layout: 'search', title: 'Search', main})
}
