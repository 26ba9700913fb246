import { progressBar } from '../cli/progress.ts';
import { systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { openMediaStore } from '../media/open-media-store.ts';
import { formatReport } from './import-report.ts';
import { ImportInterrupted, importWordPress, type ImportStep } from './import-wordpress.ts';
import { WxrError } from './wxr.ts';

/** Runs `griot import-wordpress EXPORT.xml [--uploads DIR] [--dry-run]`; returns the exit code. */
export async function runImportCommand(
  config: Config,
  db: Db,
  options: { file: string; uploadsDir: string | undefined; dryRun: boolean },
): Promise<number> {
  const bars: Record<ImportStep, ReturnType<typeof progressBar>> = {
    attachments: progressBar('Media'),
    posts: progressBar(options.dryRun ? 'Posts (dry run)' : 'Posts'),
    index: progressBar('Search index'),
    related: progressBar('Related articles (newest)'),
  };
  // Ctrl-C finishes the batch under way and stops; running the command again resumes.
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once('SIGINT', abort).once('SIGTERM', abort);
  const store = await openMediaStore(config);
  try {
    const report = await importWordPress({
      db,
      store,
      clock: systemClock,
      file: options.file,
      uploadsDir: options.uploadsDir,
      dryRun: options.dryRun,
      signal: stop.signal,
      onProgress: (step, done, total) => bars[step](done, total),
    });
    console.log(formatReport(report));
    return 0;
  } catch (err) {
    if (err instanceof ImportInterrupted) {
      console.error(`\nImport stopped. What was imported stays; run the same command to resume.`);
      return 130;
    }
    if (err instanceof WxrError) {
      console.error(`${err.message}\nNothing was imported.`);
      return 1;
    }
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`No such file: ${options.file}`);
      return 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', abort).off('SIGTERM', abort);
    await store.close();
  }
}
