import { classifierJob } from './moderation/classifier/classifier-job.ts';
import { spawn } from 'node:child_process';
import { loadSiteLayout } from './web/site-layout.ts';
import { pruneContentChangesJob } from './jobs/prune-content-changes.ts';
import { parseArgs } from 'node:util';
import type { Db } from './db/database.ts';
import 'dotenv/config';
import { buildApp } from './app.ts';
import { purgeCdnJob } from './cdn/purge-cdn.ts';
import { purgeTargets } from './cdn/purge-targets.ts';
import { createPageCache } from './cache/page-cache.ts';
import { commentMailStillWanted } from './comments/comment-mails.tsx';
import type { OutboxMail } from './mail/outbox.table.ts';
import { ACCOUNT_MAIL_KINDS, accountMailStillWanted } from './users/account-mails.tsx';
import { progressBar } from './cli/progress.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { connect, type Connection } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { withStartupLock } from './db/startup-lock.ts';
import { createHeartbeat } from './jobs/heartbeat.ts';
import { createPublication } from './settings/create-publication.ts';
import { addMissingVariants } from './media/add-missing-variants.ts';
import { localMediaStore } from './media/media-store.ts';
import { copyMediaLibrary } from './media/migrate-media.ts';
import { checkMediaStore, openMediaStore, openS3MediaStore } from './media/open-media-store.ts';
import { expireSessionsJob } from './jobs/expire-sessions.ts';
import { publishScheduledJob } from './jobs/publish-scheduled.ts';
import { startWorker } from './jobs/worker.ts';
import { createSmtpMailer } from './mail/mailer.ts';
import { sendOutboxJob } from './mail/send-outbox.ts';
import { newsletterJob } from './newsletter/send-edition.ts';
import { isNewsletterMail, newsletterMailStillWanted } from './newsletter/subscribe.ts';
import { DEMO_ADMIN_EMAIL } from './seed/demo-sections.ts';
import { countPublished, countSearchDocuments } from './search/search.queries.ts';
import type { SeedReport } from './seed/seed.ts';
import { addUser, resetPassword } from './users/add-user.ts';
import { isRole, roles } from './users/user.ts';

const usage = `Usage: griot <command> [options]

Commands:
  start [--demo]                         migrate, serve the site and run the worker; on an empty
                                         database, create an empty publication (--demo: the demo one)
  migrate                                apply pending database migrations
  seed                                   add the demo publication (idempotent)
  reindex                                rebuild the search index and every article's related articles
  media-sizes                            give library images the sizes added since their upload
  backup [--out FILE]                    archive the SQLite database and the media library (live)
  restore FILE [--force]                 put a backup back into an empty DATA_DIR
  media migrate --to s3                  copy the local media library to the S3 bucket (S3_*), resumable
  import-wordpress EXPORT.xml            import a WordPress export (Outils → Exporter): authors, categories,
           [--uploads DIR] [--dry-run]   posts, comments, media from DIR (a copy of wp-content/uploads) and
                                         301s from the old addresses; safe to run again (it resumes)
  user add --email E --name N --role R   create a newsroom account (roles: ${roles.join(', ')}); prints its password
           [--byline B]                  (the first admin of a new publication: --role admin); --byline: how
                                         they sign articles (default: the name for authors and editors)
  user reset-password --email E          set a new generated password and print it
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      byline: { type: 'string' },
      role: { type: 'string' },
      demo: { type: 'boolean' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      to: { type: 'string' },
      uploads: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (!command || values.help) {
    process.stdout.write(usage);
    return command || values.help ? 0 : 1;
  }
  const config = await loadConfig(process.env, { serving: command === 'start' });
  switch (command) {
    case 'start':
      return start(config, { demo: values.demo ?? false });
    case 'migrate':
      return withDb(config, async ({ db }) => {
        const result = await migrateToLatest(db);
        console.log(`Migrations applied: ${result.results?.length ?? 0}`);
      });
    case 'seed':
      return withDb(config, async ({ db }) => {
        await migrateToLatest(db);
        const report = await seed(config, db);
        if (process.send && process.env[SEED_REPORT_ENV] === 'ipc')
          await new Promise((resolve) => process.send!(report, resolve));
        else printSeed(report);
      });
    case 'reindex':
      return withDb(config, async ({ db }) => {
        await migrateToLatest(db);
        console.log(`Articles indexed: ${await reindex(db)}`);
      });
    case 'media-sizes':
      return withDb(config, async ({ db }) => {
        await migrateToLatest(db);
        const onProgress = progressBar('Image sizes');
        const store = await openMediaStore(config);
        const { changed, failed } = await addMissingVariants(db, { store, onProgress });
        await store.close();
        console.log(`Images given new sizes: ${changed}${failed ? `, unreadable: ${failed}` : ''}`);
      });
    case 'backup':
    case 'restore': {
      if (command === 'restore' && !sub) throw new UsageError('restore needs the backup file');
      const { runBackupCommand } = await import('./backup/backup-cli.ts');
      return runBackupCommand(command, config, {
        out: values.out,
        file: sub,
        force: values.force ?? false,
        mediaStore: config.mediaStore,
      });
    }
    case 'import-wordpress': {
      if (!sub) throw new UsageError('import-wordpress needs the export file');
      const { runImportCommand } = await import('./wordpress/import-cli.ts');
      const connection = connectTo(config, { forStartUp: true });
      try {
        await migrateToLatest(connection.db);
        return await runImportCommand(config, connection.db, {
          file: sub,
          uploadsDir: values.uploads,
          dryRun: values['dry-run'] ?? false,
        });
      } finally {
        await connection.db.destroy();
      }
    }
    case 'media':
      if (sub !== 'migrate' || values.to !== 's3')
        throw new UsageError('media needs: migrate --to s3');
      return migrateMediaToS3(config);
    case 'user':
      return withDb(config, async ({ db }) => {
        await migrateToLatest(db);
        if (sub === 'add') {
          const { email, name, role } = values;
          if (!email || !name || !role || !isRole(role))
            throw new UsageError(`user add needs --email, --name and --role (${roles.join(', ')})`);
          const { password } = await addUser(db, { email, name, role, byline: values.byline });
          console.log(`Account created for ${email} (${role}).\nPassword: ${password}`);
        } else if (sub === 'reset-password') {
          if (!values.email) throw new UsageError('user reset-password needs --email');
          console.log(`New password for ${values.email}: ${await resetPassword(db, values.email)}`);
        } else throw new UsageError(`Unknown user command: ${sub ?? '(none)'}`);
      });
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

class UsageError extends Error {}

async function withDb(
  config: Config,
  work: (connection: Connection) => Promise<void>,
): Promise<number> {
  const connection = connectTo(config);
  try {
    await work(connection);
    return 0;
  } finally {
    await connection.db.destroy();
  }
}

/** Opens the configured database, with the PostgreSQL pool's configured limits. */
function connectTo(config: Config, { forStartUp = false } = {}): Connection {
  return connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: forStartUp ? 2 : config.pgPoolMax,
    // Migrations and the first indexing may rightly take longer than any page's query.
    statementTimeoutMs: forStartUp ? 0 : config.pgStatementTimeoutMs,
  });
}

// The seed (with sharp and the demo photos' drawing code) and the reindex are imported when a
// command needs them, so a serving process does not load them.
async function seed(config: Config, db: Connection['db']): Promise<SeedReport> {
  const { seedDemo } = await import('./seed/seed.ts');
  const store = await openMediaStore(config);
  try {
    return await seedDemo({
      db,
      store,
      clock: systemClock,
      onProgress: progressBar('Demo content'),
      mail: { publicUrl: config.publicUrl, secret: config.sessionSecret },
    });
  } finally {
    await store.close();
  }
}

// Copies DATA_DIR's media and share images to the bucket; run it again to resume or check.
async function migrateMediaToS3(config: Config): Promise<number> {
  if (!config.s3) throw new UsageError('media migrate --to s3 needs S3_BUCKET (and S3_ENDPOINT…)');
  const from = localMediaStore(config.dataDir);
  const to = await openS3MediaStore(config);
  console.log(`Copying ${from.location} to ${to.location}`);
  try {
    const report = await copyMediaLibrary({ from, to, onProgress: progressBar('Media files') });
    console.log(
      `Copied: ${report.copied}, already there: ${report.skipped}, failed: ${report.failed}`,
    );
    if (report.firstError) console.error(`First failure: ${report.firstError}`);
    return report.failed ? 1 : 0;
  } finally {
    await to.close();
  }
}

async function reindex(db: Db): Promise<number> {
  const { reindexArticles } = await import('./search/reindex.ts');
  const bars = { index: progressBar('Search index'), related: progressBar('Related articles') };
  return reindexArticles(db, { onProgress: (step, done, total) => bars[step](done, total) });
}

const SEED_REPORT_ENV = 'GRIOT_SEED_REPORT';

/**
 * Seeds the demo publication in a child process (`griot seed`) and returns its report. Drawing
 * and encoding the demo photos leaves well over 100 MB of native memory behind (libvips, and
 * glibc keeping freed pages), which the server would otherwise carry for its whole life.
 */
function seedInChildProcess(): Promise<SeedReport> {
  // The same runtime and loader as this process (node, or node with tsx), minus the inspector.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--inspect'));
  const child = spawn(process.execPath, [...execArgv, process.argv[1]!, 'seed'], {
    env: { ...process.env, [SEED_REPORT_ENV]: 'ipc' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let report: SeedReport | undefined;
    child.on('message', (message) => (report = message as SeedReport));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 && report
        ? resolve(report)
        : reject(new Error(`The demo seed failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

function printSeed(report: SeedReport): void {
  console.log(`Demo content: ${report.sections} sections and ${report.articles} articles added.`);
  if (report.adminPassword)
    console.log(`Demo admin: ${report.adminEmail} / ${report.adminPassword}`);
}

/** Whether a queued mail is still wanted, asked of the feature that wrote it. */
function mailStillWanted(db: Db): (mail: OutboxMail, now: Date) => Promise<boolean> {
  const comment = commentMailStillWanted(db);
  const account = accountMailStillWanted(db);
  const newsletter = newsletterMailStillWanted(db);
  return (mail, now) =>
    ACCOUNT_MAIL_KINDS.includes(mail.kind)
      ? account(mail, now)
      : isNewsletterMail(mail.kind)
        ? newsletter(mail)
        : comment(mail);
}

/** What start-up found or made of the database, for the message it prints. */
type Publication =
  | { state: 'seeded'; report: SeedReport }
  | { state: 'no account' }
  | { state: 'ready'; demo: boolean };
/**
 * The start-up work that must happen once, whichever instance gets there first: migrations,
 * then, on an empty database, the demo publication (--demo) or an empty one, then the first
 * indexing. On a connection of its own, without the serving pool's statement timeout.
 */
async function prepareDatabase(config: Config, { demo }: { demo: boolean }): Promise<Publication> {
  const { db } = connectTo(config, { forStartUp: true });
  try {
    return await withStartupLock(db, async () => {
      await migrateToLatest(db);
      const empty = !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
      let publication: Publication;
      if (empty && demo) publication = { state: 'seeded', report: await seedInChildProcess() };
      else if (empty) {
        await createPublication(db, systemClock.now());
        publication = { state: 'no account' };
      } else {
        const demoAdmin = await db
          .selectFrom('users')
          .select('id')
          .where('email', '=', DEMO_ADMIN_EMAIL)
          .executeTakeFirst();
        publication = { state: 'ready', demo: !!demoAdmin };
      }
      // A database from before search (or restored without its index) is indexed once, here.
      if ((await countSearchDocuments(db)) === 0 && (await countPublished(db)) > 0)
        await reindex(db);
      return publication;
    });
  } finally {
    await db.destroy();
  }
}

function startMessage(config: Config, publication: Publication): string {
  const url = config.publicUrl;
  switch (publication.state) {
    case 'seeded':
      return publication.report.adminPassword
        ? `  Log in at ${url}/login as ${publication.report.adminEmail} with password ${publication.report.adminPassword}\n  (shown once; keep it, or reset it with: npm run griot -- user reset-password --email ${DEMO_ADMIN_EMAIL})`
        : `  Log in at ${url}/login`;
    case 'no account':
      return [
        '  This publication has no newsroom account yet. Create the first admin (its password is',
        '  printed once), then log in at ' + `${url}/login:`,
        '    node dist/main.js user add --email you@example.org --name "Your Name" --role admin',
        '  (from the sources: npm run griot -- user add …). For the demo site instead: start --demo.',
      ].join('\n');
    case 'ready':
      return publication.demo
        ? `  Log in at ${url}/login (demo admin: ${DEMO_ADMIN_EMAIL}; its password was printed at first start.\n  New one: npm run griot -- user reset-password --email ${DEMO_ADMIN_EMAIL})`
        : `  Log in at ${url}/login`;
  }
}

async function start(config: Config, { demo }: { demo: boolean }): Promise<number> {
  await checkMediaStore(config);
  const publication = await prepareDatabase(config, { demo });
  const { db, dialect } = connectTo(config);
  const cache = createPageCache({
    db,
    clock: systemClock,
    ttlMs: config.cacheVersionTtlMs,
    loadLayout: loadSiteLayout,
    maxBytes: config.pageCacheMb * 1024 * 1024,
  });
  const heartbeat = createHeartbeat(systemClock);
  const app = await buildApp({ config, db, dialect, cache, heartbeat });
  const mailer = config.smtpUrl
    ? createSmtpMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom })
    : undefined;
  if (!mailer) app.log.warn('SMTP_URL is not set: mails stay queued, readable at /admin/courriels');
  const worker = startWorker({
    jobs: [
      publishScheduledJob({ db, cache }),
      newsletterJob({ db, publicUrl: config.publicUrl, secret: config.sessionSecret }),
      sendOutboxJob({ db, dialect, mailer, log: app.log, stillWanted: mailStillWanted(db) }),
      expireSessionsJob({ db }),
      pruneContentChangesJob({ db }),
      classifierJob({ db }),
    ],
    clock: systemClock,
    log: app.log,
    heartbeat,
  });
  // The caches in front are purged by key on their own loop, within a second of a change.
  const targets = purgeTargets(config.cdnPurge);
  const purger = targets.length
    ? startWorker({
        jobs: [purgeCdnJob({ db, targets, log: app.log })],
        clock: systemClock,
        log: app.log,
        intervalMs: config.cdnPurgeIntervalMs,
      })
    : undefined;
  await app.listen({ port: config.port, host: config.host });

  console.log(
    `\nGriot is running on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${config.publicUrl}\n${startMessage(config, publication)}\n`,
  );

  // A stop lets requests under way finish, for at most SHUTDOWN_TIMEOUT_MS; a second signal
  // (an impatient operator's Ctrl-C, or a supervisor's repeated TERM) exits at once.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second stop signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    setTimeout(() => {
      app.log.error(
        { timeoutMs: config.shutdownTimeoutMs },
        'shutdown deadline passed with work under way: exiting anyway',
      );
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    await app.close();
    await cache.close();
    await worker.stop();
    await purger?.stop();
    mailer?.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return new Promise<number>(() => {});
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof UsageError) {
      console.error(err.message);
      if (err instanceof UsageError) console.error(`\n${usage}`);
    } else console.error(err);
    process.exit(1);
  },
);
