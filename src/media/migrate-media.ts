import { MEDIA_PREFIXES, contentTypeOf, type MediaStore } from './media-store.ts';

/** What a copy did: objects copied, objects already there, objects that could not be copied. */
export interface CopyReport {
  copied: number;
  skipped: number;
  failed: number;
  /** Why the first failed object failed. */
  firstError?: string;
}

// A few copies at once: each is a round trip to the object store.
const CONCURRENCY = 8;

/**
 * Copies every media file and share image from one store to another (`griot media migrate`).
 * Idempotent: an object already in the target is skipped, so an interrupted copy is resumed by
 * running it again. A file that cannot be copied is counted and the copy goes on.
 */
export async function copyMediaLibrary({
  from,
  to,
  onProgress,
}: {
  from: MediaStore;
  to: MediaStore;
  onProgress?: (done: number, total: number) => void;
}): Promise<CopyReport> {
  const keys: string[] = [];
  for (const prefix of MEDIA_PREFIXES) for await (const key of from.list(prefix)) keys.push(key);
  const report: CopyReport = { copied: 0, skipped: 0, failed: 0 };
  let next = 0;
  let done = 0;
  onProgress?.(0, keys.length);
  const copyNext = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++]!;
      try {
        if (await to.head(key)) report.skipped++;
        else {
          const object = await from.get(key);
          if (!object) throw new Error(`${key} vanished`);
          await to.put(key, object.body, contentTypeOf(key));
          report.copied++;
        }
      } catch (err) {
        report.failed++;
        report.firstError ??= `${key}: ${String(err)}`;
      }
      onProgress?.(++done, keys.length);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, copyNext));
  return report;
}
