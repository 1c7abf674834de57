import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes a .docx whose word/document.xml inflates to `inflated` bytes (a zip bomb): the part is one
 * run of text repeated, deflated a MiB at a time, so that neither this writer nor its file ever
 * holds more than a few MB. The zip is written by hand (local header, data, central directory),
 * with the true sizes and CRC: a reader cannot tell it from an honest document but by inflating it.
 */
export function writeDocxBomb(file: string, inflated: number): number {
  const unit = Buffer.from('<w:p><w:r><w:t>答复</w:t></w:r></w:p>'.repeat(2048));
  const chunk = Buffer.concat(Array.from({ length: Math.ceil((1 << 20) / unit.length) }, () => unit)).subarray(0, 1 << 20);
  const head = Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const tail = Buffer.from('</w:body></w:document>');
  // One deflate stream in pieces: each piece flushed to a byte boundary without ending the stream
  // (Z_SYNC_FLUSH), an empty final block after the last. The MiB of text is the same each time, and so is its piece.
  const piece = (bytes: Buffer) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const repeated = piece(chunk);
  const parts: Buffer[] = [piece(head)];
  let crc = crc32(head);
  let size = head.length;
  while (size + chunk.length + tail.length <= inflated) {
    crc = crc32(chunk, crc);
    parts.push(repeated);
    size += chunk.length;
  }
  crc = crc32(tail, crc);
  parts.push(piece(tail), deflateRawSync(Buffer.alloc(0)));
  size += tail.length;
  const data = Buffer.concat(parts);
  const types = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const entries = [
    { name: '[Content_Types].xml', data: deflateRawSync(types), crc: crc32(types), size: types.length },
    { name: 'word/document.xml', data, crc, size },
  ];
  const fd = openSync(file, 'w');
  let offset = 0;
  const central: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    writeSync(fd, local);
    writeSync(fd, name);
    writeSync(fd, e.data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  writeSync(fd, directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeSync(fd, end);
  closeSync(fd);
  return offset + directory.length + 22;
}

