#!/usr/bin/env node
// Convert the grammars of the languages courses use most into JavaScript
// regexes now, into lib/grammars/<language>.json, so that a build does not
// convert them on first use (src/render/html/precompiled-grammars.ts says why).
// Run by `npm run compile`, after TypeScript: it uses the compiled module.
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

const root = join(import.meta.dirname, '..')
const {PRECOMPILED_LANGUAGES, GRAMMARS_DIR, convertLanguage} = await import(pathToFileURL(join(root, 'lib/src/render/html/precompiled-grammars.js')).href)
rmSync(GRAMMARS_DIR, {recursive: true, force: true})
mkdirSync(GRAMMARS_DIR, {recursive: true})
for (const lang of PRECOMPILED_LANGUAGES) writeFileSync(join(GRAMMARS_DIR, `${lang}.json`), JSON.stringify(await convertLanguage(lang)))
