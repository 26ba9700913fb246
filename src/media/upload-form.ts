import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
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
 * parsed before the CSRF check reads its `_csrf` field; a file over the limit is cut short by
 * busboy (never buffered past 15 MB) and flagged as truncated.
 */
export async function registerUploadForms(
  app: FastifyInstance,
  { fields }: { fields: number },
): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields },
    async onFile(part: MultipartFile) {
      const data = await part.toBuffer();
      part.value = { data, truncated: part.file.truncated } satisfies UploadedFile;
    },
  });
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
    dataDir,
    details,
    now,
  }: { file: UploadedFile | undefined; dataDir: string; details: MediaDetails; now: Date },
): Promise<UploadResult> {
  if (!file) return { ok: false, reason: 'empty' };
  if (file.truncated) return { ok: false, reason: 'too-large' };
  return uploadMedia(db, { bytes: file.data, dataDir, details, now });
}
