import { ConfigError, type Config } from '../config.ts';
import { localMediaStore, mediaKey, type MediaStore } from './media-store.ts';

type StoreConfig = Pick<Config, 'dataDir' | 'mediaStore' | 's3'>;

/** Opens the media store the configuration names (the AWS SDK is loaded only for S3). */
export async function openMediaStore(config: StoreConfig): Promise<MediaStore> {
  if (config.mediaStore === 'local') return localMediaStore(config.dataDir);
  return openS3MediaStore(config);
}

/** Opens the configured S3 bucket as a media store, whichever store is in use. */
export async function openS3MediaStore(config: Pick<Config, 's3'>): Promise<MediaStore> {
  if (!config.s3) throw new Error('S3_BUCKET is not set: no object storage is configured');
  const { s3MediaStore } = await import('./s3-media-store.ts');
  return s3MediaStore(config.s3);
}

/**
 * Writes and removes a small object in the configured store, so that a bucket that does not
 * exist, wrong keys or a read-only folder stop the start with a clear message, rather than
 * every upload failing later.
 */
export async function checkMediaStore(config: StoreConfig): Promise<void> {
  const store = await openMediaStore(config);
  const key = mediaKey('griot-write-check.txt');
  try {
    await store.put(key, Buffer.from('ok\n'), 'text/plain');
    await store.delete(key);
  } catch (err) {
    const e = err as { name?: string; message?: string };
    const why = [e.name, e.message].filter(Boolean).join(': ') || String(err);
    const hint = config.mediaStore === 's3' ? 'S3_BUCKET, S3_ENDPOINT and the keys' : 'DATA_DIR';
    throw new ConfigError(
      `The media store ${store.location} cannot be written (${why}); check ${hint}.`,
    );
  } finally {
    await store.close();
  }
}
