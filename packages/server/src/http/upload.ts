import { z } from '@hono/zod-openapi';
import { limits } from '@qianxing/core/limits';
import type { Context } from 'hono';
import { AppError } from '../errors.js';
import { storedFileMaxBytes, type Upload } from '../files/store.js';
import { isStorableText, unstorableText } from './input.js';
import { pickLocale } from './problem.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxMediaType = XLSX;

const notXlsx = () =>
  new AppError('VALIDATION', 'the file is not an .xlsx workbook', [
    { path: 'file', message: 'not xlsx', code: 'not_xlsx' },
  ]);
const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `at most ${limits.uploadBytes} bytes`);

/** Every .xlsx is a zip file: its first bytes say so, whatever its name or declared type. */
const isZip = (head: Uint8Array) =>
  head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** The multipart form; one that does not parse (a broken boundary) is the client's fault, not a 500. */
const readForm = (c: Context) =>
  c.req.formData().catch(() => {
    throw new AppError('VALIDATION', 'malformed form', [
      { path: 'file', message: 'required', code: 'required' },
    ]);
  });

/**
 * Reads an uploaded .xlsx: the `file` field of a multipart form, or the raw body. The raw body is
 * handed on as it arrives, chunk by chunk, checked for size and for a zip file's first bytes on
 * the way: an import's reading thread gathers it, so the event loop never copies a 20 MB body
 * in one go (tens of milliseconds in which no other request is served).
 */
export async function readXlsxUpload(c: Context): Promise<ArrayBuffer | AsyncIterable<Uint8Array>> {
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > limits.uploadBytes) throw tooLarge();
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await readForm(c);
    const file = form.get('file');
    if (!(file instanceof File))
      throw new AppError('VALIDATION', 'no file', [{ path: 'file', message: 'required', code: 'required' }]);
    const data = await file.arrayBuffer();
    if (data.byteLength > limits.uploadBytes) throw tooLarge();
    if (!isZip(new Uint8Array(data.slice(0, 4)))) throw notXlsx();
    return data;
  }
  if (!type.startsWith(XLSX) && !type.startsWith('application/octet-stream'))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send an .xlsx file');
  const body = c.req.raw.body;
  if (!body) throw notXlsx();
  return checkedXlsx(body);
}

async function* checkedXlsx(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  let size = 0;
  let head = new Uint8Array(0);
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limits.uploadBytes) throw tooLarge();
    if (head.length < 4) {
      head = new Uint8Array([...head, ...chunk.subarray(0, 4 - head.length)]);
      if (head.length === 4 && !isZip(head)) throw notXlsx();
    }
    yield chunk;
  }
  if (head.length < 4) throw notXlsx();
}

/** A download's name in each language the platform speaks: the reader gets theirs. */
export type FileNames = Readonly<Record<'zh-CN' | 'en', string>>;

export function xlsxResponse(c: Context, data: Buffer, names: string | FileNames) {
  const filename = typeof names === 'string' ? names : names[pickLocale(c.req.header('accept-language'))];
  return c.body(new Uint8Array(data), 200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}

/** The `file` field of a multipart form, size-checked before and after reading. */
export async function readFileUpload(c: Context, maxBytes = storedFileMaxBytes): Promise<Upload> {
  if (Number(c.req.header('content-length') ?? 0) > maxBytes + 64 * 1024)
    throw new AppError('PAYLOAD_TOO_LARGE', `at most ${maxBytes} bytes`);
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send multipart/form-data with a file field');
  const form = await readForm(c);
  const file = form.get('file');
  if (!(file instanceof File))
    throw new AppError('VALIDATION', 'no file', [{ path: 'file', message: 'required', code: 'required' }]);
  // The name is kept in the database.
  if (!isStorableText(file.name))
    throw new AppError('VALIDATION', 'the file name cannot be stored', [unstorableText('file')]);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A stored file as a download, never cached by shared caches. Someone else uploaded it: should a
 * browser ever show it as a page, the sandbox lets it run nothing and load nothing.
 */
export function fileResponse(c: Context, file: { fileName: string; mediaType: string; bytes: Uint8Array }) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': file.mediaType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
  });
}

/** The OpenAPI body of a one-file upload: a plain schema, so the file is read only after authorisation. */
export const multipartFileBody = {
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object' as const,
        properties: { file: { type: 'string' as const, format: 'binary' } },
      },
    },
  },
  required: true,
};

/** OpenAPI content of an .xlsx download, and the body of an .xlsx upload. */
export const xlsxContent = {
  description: 'An .xlsx workbook',
  content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
};
export const xlsxBody = {
  body: {
    content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
    required: true,
  },
};
