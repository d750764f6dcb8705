import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/types';
import { AppError } from './errors';

/**
 * Files (DESIGN "Files"): the bytes are stored once per content under `<filesDir>/<sha256[0:2]>/<sha256>`,
 * written to a temporary file first (fsync, then rename), and described by a `files` row per upload.
 * The type is detected from the bytes, never from the name; downloads go through routes that check the
 * owning record's scope. A blob whose transaction rolls back stays on disk unreferenced (harmless: the
 * same content reuses it); a sweeper can remove blobs no row names.
 */

export const FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', label: 'PDF', extension: 'pdf' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (.docx)',
    extension: 'docx',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (.xlsx)',
    extension: 'xlsx',
  },
  png: { mediaType: 'image/png', label: 'PNG', extension: 'png' },
  jpeg: { mediaType: 'image/jpeg', label: 'JPEG', extension: 'jpg' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Where blobs live and how large an upload may be. */
export interface FileStore {
  dir: string;
  maxBytes: number;
}

export interface StoredFile {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  createdAt: string;
}

const HEAD_BYTES = 8;
const startsWith = (buf: Buffer, bytes: readonly number[]) => bytes.every((b, i) => buf[i] === b);

/** The family of a file from its first bytes: 'zip' still needs its entry names to tell DOCX from XLSX. */
export function sniffHead(head: Buffer): 'pdf' | 'zip' | 'png' | 'jpeg' | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  return null;
}

/** The entry names of a ZIP's central directory, read from the end of the file (empty when it is not a ZIP). */
export async function zipEntryNames(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return [];
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > size || cdSize > 16 * 1024 * 1024) return [];
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const names: string[] = [];
    let at = 0;
    while (at + 46 <= cd.length && cd.readUInt32LE(at) === 0x02014b50) {
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      names.push(cd.subarray(at + 46, at + 46 + nameLength).toString('utf8'));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await handle.close();
  }
}

/** The kind of a stored file from its bytes, or null when it is none of the known kinds. */
export async function detectKind(file: string, head: Buffer): Promise<FileKind | null> {
  const family = sniffHead(head);
  if (family !== 'zip') return family;
  const names = await zipEntryNames(file);
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} B`;
}

export const tooLarge = (store: FileStore) => new AppError('FILE_TOO_LARGE', { limit: formatBytes(store.maxBytes) });
export const wrongType = (allowed: readonly FileKind[]) =>
  new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: allowed.map((k) => FILE_KINDS[k].label).join(', ') });

export function blobPath(store: FileStore, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(store.dir, sha256.slice(0, 2), sha256);
}

export interface Blob {
  sha256: string;
  size: number;
  kind: FileKind;
  mediaType: string;
}

const isUploadTooLarge = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Stream `source` to disk: hashed and counted on the way (never held in memory), refused beyond the size
 * limit (413) or when its bytes are not one of `allowed` (400). The same content is stored once.
 */
export async function writeBlob(store: FileStore, source: Readable, allowed: readonly FileKind[]): Promise<Blob> {
  const tmpDir = path.join(store.dir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > store.maxBytes) {
        done(tooLarge(store));
        return;
      }
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    try {
      await pipeline(source, meter, createWriteStream(tmp, { flags: 'wx' }));
    } catch (error) {
      if (isUploadTooLarge(error)) throw tooLarge(store);
      throw error;
    }
    if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(store);
    const kind = await detectKind(tmp, head);
    if (!kind || !allowed.includes(kind)) throw wrongType(allowed);
    const fd = await open(tmp, 'r+');
    try {
      await fd.sync();
    } finally {
      await fd.close();
    }
    const sha256 = hash.digest('hex');
    const target = blobPath(store, sha256);
    await mkdir(path.dirname(target), { recursive: true });
    const existing = await stat(target).catch(() => null);
    if (existing && existing.size === size) {
      await rm(tmp, { force: true });
    } else {
      await rename(tmp, target);
    }
    return { sha256, size, kind, mediaType: FILE_KINDS[kind].mediaType };
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** The original name as given by the client, reduced to a safe base name. */
export function cleanFileName(name: string | undefined, kind: FileKind): string {
  const base = (name ?? '').replace(/\\/g, '/').split('/').pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return cleaned || `file.${FILE_KINDS[kind].extension}`;
}

/**
 * Receive the one file of a multipart request and store it. The multipart plugin's size limit stops
 * the stream at the configured maximum; nothing beyond it is read into memory.
 */
export async function receiveUpload(
  request: FastifyRequest,
  store: FileStore,
  allowed: readonly FileKind[],
): Promise<Blob & { originalName: string }> {
  if (!request.isMultipart()) throw new AppError('FILE_REQUIRED');
  let part;
  try {
    part = await request.file({ limits: { fileSize: store.maxBytes, files: 1 } });
  } catch (error) {
    if (isUploadTooLarge(error)) throw tooLarge(store);
    throw error;
  }
  if (!part) throw new AppError('FILE_REQUIRED');
  const blob = await writeBlob(store, part.file, allowed);
  return { ...blob, originalName: cleanFileName(part.filename, blob.kind) };
}

const FILE_COLUMNS = `f.id, f.sha256, f.size::int AS size, f.media_type AS "mediaType", f.original_name AS "originalName",
  to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** One metadata row per upload (the region keys of the record it belongs to). */
export async function insertFile(
  db: Queryable,
  blob: Blob & { originalName: string },
  owner: { uploadedBy: string | null; cityCode: string; districtCode: string | null },
): Promise<StoredFile> {
  const { rows } = await db.query<StoredFile>(
    `WITH f AS (
       INSERT INTO files (sha256, size, media_type, original_name, uploaded_by, city_code, district_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
     SELECT ${FILE_COLUMNS} FROM f`,
    [blob.sha256, blob.size, blob.mediaType, blob.originalName, owner.uploadedBy, owner.cityCode, owner.districtCode],
  );
  const row = rows[0];
  if (!row) throw new Error('file row not written');
  return row;
}

export async function findFile(db: Queryable, id: string): Promise<StoredFile | undefined> {
  const { rows } = await db.query<StoredFile>(`SELECT ${FILE_COLUMNS} FROM files f WHERE f.id = $1`, [id]);
  return rows[0];
}

export async function findFiles(db: Queryable, ids: readonly string[]): Promise<StoredFile[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<StoredFile>(
    `SELECT ${FILE_COLUMNS} FROM files f WHERE f.id = ANY($1::uuid[]) ORDER BY f.created_at, f.id`,
    [ids],
  );
  return rows;
}

/** RFC 6266 / RFC 5987: an ASCII fallback plus the UTF-8 name in `filename*`. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Send a stored file with its stored media type and name (the caller has checked access). */
export function sendStoredFile(reply: FastifyReply, store: FileStore, file: StoredFile): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.originalName))
    .header('cache-control', 'private, no-store')
    .send(createReadStream(blobPath(store, file.sha256)));
}
