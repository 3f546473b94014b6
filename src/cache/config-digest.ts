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
  const {outDir: _outDir, outPath: _outPath, configPath: _configPath, root: _root, ...relevant} = config
  // `tikz.engine: 'auto'` draws differently once TeX is installed: the engine it resolves to counts.
  return digest('coursebook', version, codeStamp(), relevant as unknown as DigestPart, config.tikz.engine === 'auto' ? (latexAvailable() ? 'latex' : 'tikzjax') : config.tikz.engine)
}
