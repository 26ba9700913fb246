import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config.ts';
import { assertValidKey, contentTypeOf, type MediaStore, type StoredHead } from './media-store.ts';

// Media names carry a content hash (share images are rebuilt only when missing), so an object
// never changes under its key: a CDN reading the bucket directly may keep it for a year.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The media store on S3-compatible object storage (AWS S3, Cloudflare R2, Backblaze B2, MinIO,
 * Garage…). A PUT is atomic by the protocol: an object is visible only once all of it is stored.
 */
export function s3MediaStore(s3: S3Config): MediaStore {
  const client = new S3Client({
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
    // Without keys, the SDK's own chain applies (AWS_* variables, an instance's role…).
    ...(s3.accessKeyId && s3.secretAccessKey
      ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }
      : {}),
  });
  const Bucket = s3.bucket;
  const headOf = (
    key: string,
    o: { ContentType?: string; ContentLength?: number; ETag?: string; LastModified?: Date },
  ): StoredHead => ({
    contentType: o.ContentType ?? contentTypeOf(key),
    size: o.ContentLength ?? 0,
    etag: o.ETag ?? '""',
    lastModified: o.LastModified ?? new Date(0),
  });
  return {
    location: `s3://${Bucket}`,
    async put(key, body, contentType) {
      assertValidKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          CacheControl: IMMUTABLE,
        }),
      );
    },
    async get(key) {
      assertValidKey(key);
      try {
        const o = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        const body = Buffer.from(await o.Body!.transformToByteArray());
        return { ...headOf(key, { ...o, ContentLength: body.length }), body };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async head(key) {
      assertValidKey(key);
      try {
        return headOf(key, await client.send(new HeadObjectCommand({ Bucket, Key: key })));
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async delete(key) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async *list(prefix) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }),
        );
        for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async close() {
      client.destroy();
    },
  };
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
