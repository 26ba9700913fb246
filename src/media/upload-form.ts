import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { badRequest } from '../http/errors.ts';
import type { MediaStore } from './media-store.ts';
import {
  MAX_UPLOAD_BYTES,
  uploadMedia,
  type MediaDetails,
  type UploadResult,
} from './upload-media.ts';

/** An uploaded file as the multipart hook leaves it in the body. */
export interface UploadedFile {
  data: Buffer;
  /** Cut short at the upload limit: the file was too large. */
  truncated: boolean;
}

/**
 * Lets the routes of a plugin read multipart forms carrying one image file. The whole body is
 * parsed before the CSRF check reads its `_csrf` field (a preValidation hook of the plugin, which
 * runs before the routes' own); a file over the limit is cut short by busboy (never buffered past
 * 15 MB) and flagged as truncated. A body busboy cannot read is a 400, too many parts a 413.
 */
export async function registerUploadForms(
  app: FastifyInstance,
  { fields }: { fields: number },
): Promise<void> {
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields },
  });
  app.addHook('preValidation', readMultipartBody);
}

// The form as { name: text | file }, a repeated name as a list (which no form schema accepts).
async function readMultipartBody(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const body: Record<string, unknown> = {};
  const keep = (name: string, value: unknown) => {
    const seen = body[name];
    body[name] = seen === undefined ? value : ([] as unknown[]).concat(seen, [value]);
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        keep(part.fieldname, { data, truncated: part.file.truncated } satisfies UploadedFile);
      } else keep(part.fieldname, part.value);
    }
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    // busboy's own errors (no boundary, a body cut short, a malformed part) carry no status.
    if (status && status >= 400 && status < 500) throw err;
    throw badRequest();
  }
  request.body = body;
}

/** A form field that carries a file (as the multipart hook leaves it), in a body schema. */
export const fileField = z
  .custom<UploadedFile>(
    (value) =>
      typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data),
  )
  .optional();

/** The file a form field carries; undefined when none was chosen (browsers then send it empty). */
export function uploadedFile(file: UploadedFile | undefined): UploadedFile | undefined {
  return file?.data.length ? file : undefined;
}

/** Stores a file sent with a form in the media library (see uploadMedia), or says why not. */
export async function uploadFormFile(
  db: Db,
  {
    file,
    store,
    details,
    now,
  }: { file: UploadedFile | undefined; store: MediaStore; details: MediaDetails; now: Date },
): Promise<UploadResult> {
  if (!file) return { ok: false, reason: 'empty' };
  if (file.truncated) return { ok: false, reason: 'too-large' };
  return uploadMedia(db, { bytes: file.data, store, details, now });
}
