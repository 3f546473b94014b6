/*
 * The search page of a coursebook site. It runs the query in `?q=` (and each
 * query typed into the form) against the index the build wrote into
 * `assets/search/index.js`, which assigns `globalThis.coursebookSearch`, using
 * MiniSearch's browser build (`globalThis.MiniSearch`). Both are classic
 * scripts, not modules or fetched JSON, so search works from `file://` too.
 * Results link to `page.html#section` with relative URLs (this page sits at
 * the site root), and show the unit and page and a snippet with the words
 * found in `<mark>`. Everything is built with DOM methods: no text from the
 * index is ever parsed as HTML.
 */
(function () {
  'use strict'
  var form = document.querySelector('.search-form')
  var input = document.getElementById('search-query')
  var status = document.querySelector('.search-status')
  var list = document.querySelector('.search-results')
  if (!form || !input || !status || !list) return
  var data = globalThis.coursebookSearch
  if (!data || typeof globalThis.MiniSearch === 'undefined') {
    status.textContent = 'The search index could not be loaded. Every page of the course is listed in the course contents.'
    return
  }
  var index = globalThis.MiniSearch.loadJS(data.index, data.options)
  var MAX_RESULTS = 50
  var SNIPPET_LENGTH = 220
  var BEFORE_MATCH = 70
  // Prefix and fuzzy matching only for longer words: `a` would match every word, `fft` would match `fit`.
  var searchOptions = {
    boost: {k: 3},
    prefix: function (term) { return term.length >= 3 },
    fuzzy: function (term) { return term.length >= 5 ? 0.2 : false },
  }

  function search(query) {
    var all = index.search(query, Object.assign({combineWith: 'AND'}, searchOptions))
    // Every word is asked for first; failing that, pages with any of them.
    if (all.length === 0) all = index.search(query, Object.assign({combineWith: 'OR'}, searchOptions))
    return all
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }

  /** A pattern matching any of the terms found, as whole words, longest first; group 2 is the term. */
  function termPattern(terms) {
    var sorted = terms.slice().sort(function (a, b) { return b.length - a.length })
    return new RegExp('(^|[^\\p{L}\\p{N}])(' + sorted.map(escapeRegExp).join('|') + ')(?=$|[^\\p{L}\\p{N}])', 'giu')
  }

  /** Append `text` to `parent`, with every match of `pattern` in a `<mark>`. */
  function appendMarked(parent, text, pattern) {
    var last = 0
    pattern.lastIndex = 0
    for (var match = pattern.exec(text); match; match = pattern.exec(text)) {
      var start = match.index + match[1].length
      if (start > last) parent.appendChild(document.createTextNode(text.slice(last, start)))
      var mark = document.createElement('mark')
      mark.textContent = match[2]
      parent.appendChild(mark)
      last = start + match[2].length
      if (match[0].length === 0) pattern.lastIndex++
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)))
  }

  /** A stretch of `text` around the first word found, cut at spaces, with ellipses where it was cut. */
  function snippetOf(text, pattern) {
    pattern.lastIndex = 0
    var match = pattern.exec(text)
    var at = match ? match.index + match[1].length : 0
    var start = Math.max(0, at - BEFORE_MATCH)
    if (start > 0) {
      var space = text.indexOf(' ', start)
      start = space !== -1 && space < at ? space + 1 : start
    }
    var end = Math.min(text.length, start + SNIPPET_LENGTH)
    if (end < text.length) {
      var cut = text.lastIndexOf(' ', end)
      end = cut > at ? cut : end
    }
    return (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '')
  }

  function renderResult(result) {
    var page = data.pages[result.p]
    var unit = data.units[page[1]]
    var pattern = termPattern(result.terms)
    var item = document.createElement('li')
    item.className = 'search-result'
    var heading = document.createElement('h2')
    heading.className = 'search-result-title'
    var link = document.createElement('a')
    link.href = page[2] + (result.a ? '#' + encodeURIComponent(result.a) : '')
    appendMarked(link, result.h ? page[0] + ' › ' + result.h : page[0], pattern)
    heading.appendChild(link)
    item.appendChild(heading)
    if (unit !== page[0]) {
      var where = document.createElement('p')
      where.className = 'search-result-unit'
      where.textContent = unit
      item.appendChild(where)
    }
    if (result.t) {
      var snippet = document.createElement('p')
      snippet.className = 'search-result-snippet'
      appendMarked(snippet, snippetOf(result.t, pattern), pattern)
      item.appendChild(snippet)
    }
    return item
  }

  function show(query) {
    while (list.firstChild) list.removeChild(list.firstChild)
    query = query.trim()
    if (!query) {
      status.textContent = ''
      return
    }
    var results = search(query)
    var shown = results.slice(0, MAX_RESULTS)
    for (var i = 0; i < shown.length; i++) list.appendChild(renderResult(shown[i]))
    status.textContent = results.length === 0
      ? 'No results for “' + query + '”.'
      : (results.length > shown.length ? 'The first ' + shown.length + ' of ' : '') + results.length + (results.length === 1 ? ' result' : ' results') + ' for “' + query + '”.'
  }

  /** Keep the query in the address, so the results can be bookmarked and Back returns to them. */
  function remember(query) {
    try {
      history.replaceState(null, '', '?q=' + encodeURIComponent(query))
    } catch (error) {
      // Some browsers refuse to change a `file://` address; the results are shown all the same.
    }
  }

  var timer
  input.addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(function () {
      show(input.value)
      remember(input.value)
    }, 150)
  })
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    clearTimeout(timer)
    show(input.value)
    remember(input.value)
  })

  var initial = new URLSearchParams(location.search).get('q') || ''
  input.value = initial
  show(initial)
  if (!initial) input.focus()
})()
