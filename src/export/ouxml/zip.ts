import {crc32, deflateRawSync} from 'node:zlib'

// A fixed timestamp (2000-01-01 00:00, in DOS format) makes the same files give the same bytes, build after build.
const DOS_TIME = 0
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1
// Already compressed: stored, not deflated again.
const STORED = /\.(png|jpe?g|gif|webp|zip|mp3|mp4|m4a|m4v|woff2?)$/i
// General purpose flag 11: names are UTF-8.
const UTF8 = 0x0800

/**
 * A zip of `files` (path inside the zip → bytes), deterministic: entries in
 * path order, fixed timestamps, compressed formats stored as they are, the
 * rest deflated. Written here with Node's native zlib rather than fflate's
 * JavaScript deflate, which took a quarter of a second per build for the
 * XML of a 50-notebook course (native zlib: a tenth of that).
 */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const local: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  const paths = [...files.keys()].sort()
  for (const path of paths) {
    const data = files.get(path)!
    const name = Buffer.from(path, 'utf8')
    const store = STORED.test(path) || data.length === 0
    const body = store ? data : deflateRawSync(data, {level: 6})
    const crc = crc32(data)
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(UTF8, 6)
    header.writeUInt16LE(store ? 0 : 8, 8)
    header.writeUInt16LE(DOS_TIME, 10)
    header.writeUInt16LE(DOS_DATE, 12)
    header.writeUInt32LE(crc, 14)
    header.writeUInt32LE(body.length, 18)
    header.writeUInt32LE(data.length, 22)
    header.writeUInt16LE(name.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    header.copy(entry, 8, 6, 28)
    entry.writeUInt32LE(offset, 42)
    local.push(header, name, Buffer.from(body.buffer, body.byteOffset, body.byteLength))
    central.push(entry, name)
    offset += header.length + name.length + body.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(paths.length, 8)
  end.writeUInt16LE(paths.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...local, directory, end]))
}

/** An HTML5 package for the VLE: a zip holding `index.html`, a complete page around `html`. */
export function htmlPackage(html: string, title: string): Uint8Array {
  const page = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>
</head>
<body>
${html}
</body>
</html>
`
  return zipFiles(new Map([['index.html', new TextEncoder().encode(page)]]))
}
