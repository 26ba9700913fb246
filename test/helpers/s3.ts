import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../../src/config.ts';
import type { MediaStore } from '../../src/media/media-store.ts';
import { s3MediaStore } from '../../src/media/s3-media-store.ts';
import { spawnNode, type Child } from './child-process.ts';

// s3rver accepts these and only these credentials by default.
const KEY = 'S3RVER';

/** A bucket of its own on the test's S3 server, with what an app needs to use it. */
export interface TestBucket {
  s3: S3Config;
  /** Configuration fields for createTestApp or buildApp: media in this bucket. */
  config: Pick<Config, 'mediaStore' | 's3'>;
  /** The environment a Griot process (`griot start`, `griot media migrate`) needs for it. */
  env: Record<string, string>;
  /** A new client on the bucket, as another instance would have; closed with the server. */
  store(): MediaStore;
}

/** A real S3-protocol server (s3rver) in a child process, on a free port and a temp folder. */
export interface S3Server {
  endpoint: string;
  process: Child;
  /** Creates a fresh, empty bucket. */
  bucket(): Promise<TestBucket>;
  close(): Promise<void>;
}

/** Starts s3rver and resolves once it listens. */
export async function startS3Server(): Promise<S3Server> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-s3-'));
  // s3rver's command line, with PUTs made atomic as S3's are (see s3rver-atomic.mjs).
  const bin = path.resolve('test/helpers/s3rver-atomic.mjs');
  const child = spawnNode([bin, '-d', dir, '-a', '127.0.0.1', '-p', '0', '--silent'], {});
  const listening = /S3rver listening on [\d.]+:(\d+)/;
  try {
    await child.waitFor(listening, 30_000);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const endpoint = `http://127.0.0.1:${listening.exec(child.output())![1]}`;
  const stores: MediaStore[] = [];
  const admin = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: KEY, secretAccessKey: KEY },
  });
  return {
    endpoint,
    process: child,
    async bucket() {
      const name = `griot-${randomBytes(5).toString('hex')}`;
      await admin.send(new CreateBucketCommand({ Bucket: name }));
      const s3: S3Config = {
        bucket: name,
        endpoint,
        region: 'us-east-1',
        accessKeyId: KEY,
        secretAccessKey: KEY,
        forcePathStyle: true,
      };
      return {
        s3,
        config: { mediaStore: 's3', s3 },
        env: {
          MEDIA_STORE: 's3',
          S3_BUCKET: name,
          S3_ENDPOINT: endpoint,
          S3_ACCESS_KEY_ID: KEY,
          S3_SECRET_ACCESS_KEY: KEY,
        },
        store() {
          const store = s3MediaStore(s3);
          stores.push(store);
          return store;
        },
      };
    },
    async close() {
      for (const store of stores) await store.close();
      admin.destroy();
      await child.kill9();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
