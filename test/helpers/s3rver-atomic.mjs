// s3rver writes an object in place and answers its PUT before the bytes are all on disk, so a
// GET racing the PUT can read part of the object. S3 itself (and MinIO, Garage, R2…) makes a PUT
// visible whole or not at all, which our media code relies on (media/ensure-og-image.ts: other
// instances poll for the object its builder puts). This runs s3rver's own command line with its
// store's putObject made atomic as S3's: the bytes go to a temporary file, renamed into place
// once written. (Found by media-s3.test.ts, whose waiting instance once read a partial image.)
import { Buffer } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';

FilesystemStore.prototype.putObject = async function putObject(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  await fs.promises.mkdir(path.dirname(objectPath), { recursive: true });
  // Outside the bucket's folder, so no listing shows it; on the same file system, so it renames.
  const partial = path.join(os.tmpdir(), `s3rver-put-${crypto.randomBytes(8).toString('hex')}`);
  const md5 = crypto.createHash('md5');
  let size = 0;
  const source = Buffer.isBuffer(object.content) ? [object.content] : object.content;
  await pipeline(
    source,
    new Transform({
      transform(chunk, encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    }),
    fs.createWriteStream(partial),
  );
  await fs.promises.rename(partial, objectPath);
  const digest = md5.digest('hex');
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};

await import('s3rver/bin/s3rver.js');
