import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One file inside a zip archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

export class NotAZipError extends Error {}

const endOfDirectory = 0x06054b50;
const zip64Locator = 0x07064b50;
const zip64EndOfDirectory = 0x06064b50;
const directoryEntry = 0x02014b50;
const localEntry = 0x04034b50;
const unset32 = 0xffffffff;

/**
 * The entries of a zip archive held in memory, by name. They come from the central directory at
 * the end of the file, so each part of a workbook can be read in the order the reader needs,
 * whatever order the writer stored them in.
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  let end = -1;
  // The end record is 22 bytes and may carry a comment of up to 65,535 bytes after it.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new NotAZipError('no zip directory');
  let count = u16(end + 10);
  let at = u32(end + 16);
  if ((count === 0xffff || at === unset32) && end >= 20 && u32(end - 20) === zip64Locator) {
    const record = u64(end - 12);
    if (record + 56 > bytes.length || u32(record) !== zip64EndOfDirectory)
      throw new NotAZipError('bad zip64');
    count = u64(record + 32);
    at = u64(record + 48);
  }
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== directoryEntry) throw new NotAZipError('bad zip directory');
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      localHeader: u32(at + 42),
    };
    if (u16(at + 8) & 1) throw new NotAZipError('encrypted');
    readZip64Sizes(view, at + 46 + nameLength, extraLength, u32(at + 24), entry);
    entries.set(name.replace(/^\//, ''), entry);
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  return entries;
}

/** Sizes and offsets past 4 GiB move to the zip64 extra field; a writer may use it even below. */
function readZip64Sizes(view: DataView, at: number, length: number, size: number, entry: ZipEntry): void {
  if (entry.compressedSize !== unset32 && entry.localHeader !== unset32) return;
  for (let p = at; p + 4 <= at + length; ) {
    const id = view.getUint16(p, true);
    const fieldLength = view.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      if (size === unset32) q += 8;
      if (entry.compressedSize === unset32) {
        entry.compressedSize = Number(view.getBigUint64(q, true));
        q += 8;
      }
      if (entry.localHeader === unset32) entry.localHeader = Number(view.getBigUint64(q, true));
      return;
    }
    p += 4 + fieldLength;
  }
}

/**
 * The entry's content as a stream of text. It inflates lazily, as the reader asks for more, so
 * a reader that stops early never inflates the rest; the decoder keeps a character whose bytes
 * straddle two chunks whole (Chinese text takes three bytes a character).
 */
export function openZipEntry(bytes: Uint8Array, entry: ZipEntry): Readable {
  const at = entry.localHeader;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== localEntry) throw new NotAZipError('bad entry');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new NotAZipError('truncated');
  let stream: Readable;
  if (entry.method === 0) stream = Readable.from([data], { objectMode: false });
  else if (entry.method === 8) stream = Readable.from([data], { objectMode: false }).pipe(createInflateRaw());
  else throw new NotAZipError(`compression method ${entry.method}`);
  return stream.setEncoding('utf8');
}
