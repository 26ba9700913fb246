import type { Config } from '../config.ts';
import { localMediaStore, type MediaStore } from './media-store.ts';

/** Opens the media store the configuration names (the AWS SDK is loaded only for S3). */
export async function openMediaStore(
  config: Pick<Config, 'dataDir' | 'mediaStore' | 's3'>,
): Promise<MediaStore> {
  if (config.mediaStore === 'local') return localMediaStore(config.dataDir);
  return openS3MediaStore(config);
}

/** Opens the configured S3 bucket as a media store, whichever store is in use. */
export async function openS3MediaStore(config: Pick<Config, 's3'>): Promise<MediaStore> {
  if (!config.s3) throw new Error('S3_BUCKET is not set: no object storage is configured');
  const { s3MediaStore } = await import('./s3-media-store.ts');
  return s3MediaStore(config.s3);
}
