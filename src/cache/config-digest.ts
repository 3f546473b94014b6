import type {ResolvedConfig} from '../config/schema.js'
import {codeStamp, version} from '../package-info.js'
import {digest, type DigestPart} from './digest.js'
import {latexAvailable} from '../transform/tikz/engines/detect.js'

/**
 * The digest of everything in the config that can change a rendered page,
 * plus coursebook's version and code, and the TikZ engine actually in use. Where the site is written and where the config
 * sits do not change a page, so moving the output folder keeps the cache.
 */
export function configDigest(config: ResolvedConfig): string {
  const {outDir: _outDir, outPath: _outPath, configPath: _configPath, root: _root, status: _status, ...rest} = config
  // Pinning and checking launch links happen once per build, after pages are rendered; the status page is not a page.
  const {pin: _pin, check: _check, ...launchOptions} = config.launchOptions ?? {}
  const relevant = {...rest, launchOptions}
  // `audience` stays in `relevant`: a student build must never reuse a page rendered with the solutions in it.
  // `tikz.engine: 'auto'` draws differently once TeX is installed: the engine it resolves to counts.
  return digest('coursebook', version, codeStamp(), relevant as unknown as DigestPart, config.tikz.engine === 'auto' ? (latexAvailable() ? 'latex' : 'tikzjax') : config.tikz.engine)
}
