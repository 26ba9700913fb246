import path from 'node:path';
import { progressBar } from '../cli/progress.ts';
import type { Config } from '../config.ts';
import { BackupError } from './backup-archive.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

/** The options of `griot backup` and `griot restore`. */
export interface BackupCommandOptions {
  /** backup: where to write the archive (default: griot-backup-<time>.tar.gz here). */
  out: string | undefined;
  /** restore: the archive to read. */
  file: string | undefined;
  force: boolean;
  mediaStore: 'local' | 's3';
}

/** Runs `griot backup` or `griot restore`, printing the outcome; returns the exit code. */
export async function runBackupCommand(
  command: 'backup' | 'restore',
  config: Config,
  options: BackupCommandOptions,
): Promise<number> {
  // Ctrl-C (or a stop from a supervisor) ends the work cleanly: nothing half-made is left.
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.once('SIGINT', abort).once('SIGTERM', abort);
  try {
    if (config.databaseUrl) throw new BackupError(postgresAdvice(command));
    if (command === 'backup') await backup(config, options, stop.signal);
    else await restore(config, options, stop.signal);
    return 0;
  } catch (err) {
    if (stop.signal.aborted) {
      console.error(
        `\n${command === 'backup' ? 'Backup' : 'Restore'} stopped: nothing was written.`,
      );
      return 130;
    }
    if (!(err instanceof BackupError)) throw err;
    console.error(err.message);
    return 1;
  } finally {
    process.off('SIGINT', abort).off('SIGTERM', abort);
  }
}

async function backup(
  config: Config,
  options: BackupCommandOptions,
  signal: AbortSignal,
): Promise<void> {
  const bars = { database: progressBar('Database'), media: progressBar('Media') };
  const out = options.out ?? `griot-backup-${fileStamp(new Date())}.tar.gz`;
  const { file, bytes, manifest } = await createBackup({
    dataDir: config.dataDir,
    out,
    mediaStore: options.mediaStore,
    onProgress: (step, done, total) => bars[step](done, total),
    log: (line) => console.error(line),
    signal,
  });
  const media = manifest.files.filter((f) => f.name.includes('/')).length;
  console.log(
    `Backup written: ${file} (${megabytes(bytes)}): the database at ${manifest.schema}` +
      (manifest.media === 'local' ? `, ${media} media files.` : ', no media (object storage).') +
      `\nRestore it with: griot restore ${path.basename(file)} (into an empty DATA_DIR)`,
  );
}

async function restore(
  config: Config,
  options: BackupCommandOptions,
  signal: AbortSignal,
): Promise<void> {
  if (!options.file) throw new BackupError('griot restore needs the archive: griot restore FILE');
  const { manifest, mediaFiles, movedAside } = await restoreBackup({
    file: options.file,
    dataDir: config.dataDir,
    force: options.force,
    onProgress: progressBar('Restore'),
    signal,
  });
  const lines = [
    `Restored the backup of ${manifest.createdAt} (Griot ${manifest.griotVersion}) into ${config.dataDir}:` +
      ` the database at ${manifest.schema}, ${mediaFiles} media files.`,
  ];
  if (movedAside) lines.push(`What was there before is in ${movedAside}.`);
  if (manifest.media !== 'local')
    lines.push(
      'The media were not in this backup (they were in object storage): copy the bucket back' +
        ' with the provider’s tools.',
    );
  else if (options.mediaStore === 's3' && mediaFiles > 0)
    lines.push(
      `MEDIA_STORE=s3: the media were restored into ${path.join(config.dataDir, 'media')};` +
        ' copy them into the bucket with: griot media migrate --to s3',
    );
  lines.push('Start Griot on it: npm start');
  console.log(lines.join('\n'));
}

function postgresAdvice(command: 'backup' | 'restore'): string {
  const tool =
    command === 'backup'
      ? '  pg_dump --format=custom --no-owner --no-privileges --file=griot.dump "$DATABASE_URL"'
      : '  pg_restore --no-owner --no-privileges --single-transaction --dbname="$DATABASE_URL" griot.dump';
  return (
    `griot ${command} works on the embedded SQLite database; this site runs on PostgreSQL` +
    ` (DATABASE_URL is set). Use PostgreSQL's own tool:\n${tool}\n` +
    'and copy the media with your object storage’s tools (README, section Backups).'
  );
}

function fileStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/:/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} KB`
    : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
