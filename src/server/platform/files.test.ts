import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDocx, minimalPdf, zipOf } from '../../../test/helpers/files';
import { AppError } from './errors';
import { blobPath, cleanFileName, contentDisposition, sniffHead, writeBlob, type FileStore } from './files';

let store: FileStore;
beforeAll(async () => {
  store = { dir: await mkdtemp(path.join(tmpdir(), 'cpaudit-files-unit-')), maxBytes: 4096 };
});
afterAll(async () => rm(store.dir, { recursive: true, force: true }));

const codeOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe('file type detection', () => {
  it('recognises PDF, ZIP, PNG and JPEG from their first bytes only', () => {
    expect(sniffHead(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffHead(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('zip');
    expect(sniffHead(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffHead(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffHead(Buffer.from('PDF-1.7 %PDF-'))).toBeNull();
    expect(sniffHead(Buffer.alloc(0))).toBeNull();
  });

  it('tells DOCX from XLSX by the central directory and refuses other archives', async () => {
    expect((await writeBlob(store, Readable.from([minimalDocx()]), ['docx'])).kind).toBe('docx');
    const xlsx = zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect((await writeBlob(store, Readable.from([xlsx]), ['xlsx'])).kind).toBe('xlsx');
    expect(await codeOf(writeBlob(store, Readable.from([xlsx]), ['docx', 'pdf']))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await codeOf(writeBlob(store, Readable.from([zipOf({ 'a.txt': 'a' })]), ['docx', 'xlsx']))).toBe('FILE_TYPE_NOT_ALLOWED');
  });
});

describe('content-addressed storage', () => {
  it('stores the same content once under its SHA-256 and leaves no temporary file', async () => {
    const pdf = minimalPdf('unit');
    const a = await writeBlob(store, Readable.from([pdf.subarray(0, 3), pdf.subarray(3)]), ['pdf']);
    const b = await writeBlob(store, Readable.from([pdf]), ['pdf']);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', size: pdf.length });
    const file = blobPath(store, a.sha256);
    expect(file).toBe(path.join(store.dir, a.sha256.slice(0, 2), a.sha256));
    expect((await readFile(file)).equals(pdf)).toBe(true);
    expect(await readdir(path.join(store.dir, 'tmp'))).toEqual([]);
  });

  it('refuses content over the limit while streaming and cleans up', async () => {
    const chunks = [minimalPdf(), Buffer.alloc(4096, 0x20)];
    expect(await codeOf(writeBlob(store, Readable.from(chunks), ['pdf']))).toBe('FILE_TOO_LARGE');
    expect(await readdir(path.join(store.dir, 'tmp'))).toEqual([]);
  });
});

describe('names', () => {
  it('keeps the base name only and encodes it per RFC 5987', () => {
    expect(cleanFileName('C:\\docs\\报告.pdf', 'pdf')).toBe('报告.pdf');
    expect(cleanFileName('../../etc/"x".pdf', 'pdf')).toBe('x.pdf');
    expect(cleanFileName('', 'docx')).toBe('file.docx');
    expect(contentDisposition("报告 (1)'s.pdf")).toBe(
      `attachment; filename="__ (1)'s.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%281%29%27s.pdf`,
    );
  });
});
