import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { PurgeTargetsConfig } from './cdn/purge-targets.ts';

/** Everything the app reads from its environment, validated and typed. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; absent means the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  /** Absolute base URL readers use, without a trailing slash (canonical links, emails). */
  publicUrl: string;
  smtpUrl: string | undefined;
  /** Sender address of outgoing mail. */
  mailFrom: string;
  sessionSecret: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Trust X-Forwarded-* headers (set when behind a reverse proxy or CDN). */
  trustProxy: boolean;
  /** How long an instance trusts its cached content version before asking the database again. */
  cacheVersionTtlMs: number;
  /** The most each instance's page cache holds, in mebibytes. */
  pageCacheMb: number;
  /** The caches in front to purge by key on every change (none by default). */
  cdnPurge: PurgeTargetsConfig;
  /** How often the purge worker looks for changes to send. */
  cdnPurgeIntervalMs: number;
  /** PostgreSQL: the most connections each instance opens. */
  pgPoolMax: number;
  /** PostgreSQL: a statement running longer is cancelled; 0 for no limit. */
  pgStatementTimeoutMs: number;
  /** How long a stop (SIGTERM, SIGINT) waits for requests under way before exiting anyway. */
  shutdownTimeoutMs: number;
  /** Where media files are kept: DATA_DIR (`local`) or the S3-compatible bucket of `s3`. */
  mediaStore: 'local' | 's3';
  /** The object storage settings, when S3_BUCKET is set (required with MEDIA_STORE=s3). */
  s3: S3Config | undefined;
  /** Public base URL of the stored objects (a CDN), without a trailing slash: /media/… redirects there. */
  mediaPublicUrl: string | undefined;
}

/** An S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO, Garage…). */
export interface S3Config {
  bucket: string;
  /** Absent for AWS itself; e.g. https://<account>.r2.cloudflarestorage.com, http://minio:9000. */
  endpoint: string | undefined;
  region: string;
  /** Absent: the SDK's own credential chain (AWS_* variables, an instance's role). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key` (MinIO, Garage). */
  forcePathStyle: boolean;
}

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for SQLite)')
    .optional(),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an absolute http(s) URL such as https://example.org')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:pass@host:587 or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters long').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('false'),
  CACHE_VERSION_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(16_384).default(32),
  CDN_PURGE_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an http(s) URL, e.g. http://127.0.0.1:6081/')
    .optional(),
  CDN_PURGE_TOKEN: z.string().min(1).optional(),
  CLOUDFLARE_ZONE_ID: z
    .string()
    .regex(/^[a-f0-9]{32}$/, 'must be a 32-character zone id')
    .optional(),
  CLOUDFLARE_API_TOKEN: z.string().min(1).optional(),
  CLOUDFLARE_API_URL: z.string().url().default('https://api.cloudflare.com/client/v4'),
  FASTLY_SERVICE_ID: z
    .string()
    .regex(/^[A-Za-z0-9]+$/, 'must be a Fastly service id')
    .optional(),
  FASTLY_API_TOKEN: z.string().min(1).optional(),
  FASTLY_API_URL: z.string().url().default('https://api.fastly.com'),
  CDN_PURGE_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(0),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  MEDIA_STORE: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3–63 of a-z 0-9 . -)')
    .optional(),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an http(s) URL such as https://s3.example.org')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'true', 'false']).optional(),
  MEDIA_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an absolute http(s) URL such as https://cdn.example.org')
    .optional(),
});

// What a field-by-field schema cannot say: settings that only make sense together.
function mediaStoreProblems(e: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (e.MEDIA_STORE === 's3' && !e.S3_BUCKET)
    problems.push('S3_BUCKET: is required when MEDIA_STORE=s3 (with S3_ENDPOINT unless on AWS)');
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
    const keys = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
    const [given, missing] = e.S3_ACCESS_KEY_ID ? keys : keys.reverse();
    problems.push(`${missing}: is required with ${given} (or leave both unset)`);
  }
  return problems;
}

function s3Config(e: z.infer<typeof envSchema>): S3Config | undefined {
  if (!e.S3_BUCKET) return undefined;
  const pathStyle = e.S3_FORCE_PATH_STYLE;
  return {
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT?.replace(/\/+$/, ''),
    region: e.S3_REGION,
    accessKeyId: e.S3_ACCESS_KEY_ID,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    // Self-hosted servers (MinIO, Garage, s3rver) want path-style; AWS and R2 take both.
    forcePathStyle: pathStyle ? pathStyle === '1' || pathStyle === 'true' : !!e.S3_ENDPOINT,
  };
}

/** Thrown when the environment is invalid; its message lists every problem. */
export class ConfigError extends Error {}

/**
 * Reads and validates the configuration; creates DATA_DIR and a kept SESSION_SECRET if needed.
 * With `serving` (the `start` command), PostgreSQL requires SESSION_SECRET: every instance must
 * sign cookies and links with the same one, which a secret kept per machine cannot be.
 */
export async function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  { serving = false }: { serving?: boolean } = {},
): Promise<Config> {
  const parsed = envSchema.safeParse(stripEmpty(env));
  const sharedSecretMissing =
    serving && parsed.data?.DATABASE_URL !== undefined && !parsed.data.SESSION_SECRET;
  if (!parsed.success || sharedSecretMissing) {
    const lines = (parsed.error?.issues ?? []).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    if (sharedSecretMissing) lines.push(SHARED_SECRET_MISSING);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const missing = [
    ['CLOUDFLARE_ZONE_ID', 'CLOUDFLARE_API_TOKEN'],
    ['FASTLY_SERVICE_ID', 'FASTLY_API_TOKEN'],
  ].flatMap(([a, b]) =>
    !!e[a as keyof typeof e] !== !!e[b as keyof typeof e]
      ? [`  ${a} and ${b}: set both, or neither`]
      : [],
  );
  if (missing.length) throw new ConfigError(`Invalid configuration:\n${missing.join('\n')}`);
  const problems = mediaStoreProblems(e);
  if (problems.length)
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const dataDir = path.resolve(e.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `no-reply@${new URL(publicUrl).hostname}`,
    sessionSecret: e.SESSION_SECRET ?? (await keptSecret(dataDir)),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    cacheVersionTtlMs: e.CACHE_VERSION_TTL_MS,
    pageCacheMb: e.PAGE_CACHE_MB,
    cdnPurge: {
      purgeUrl: e.CDN_PURGE_URL,
      purgeToken: e.CDN_PURGE_TOKEN,
      cloudflare: e.CLOUDFLARE_ZONE_ID
        ? {
            zoneId: e.CLOUDFLARE_ZONE_ID,
            apiToken: e.CLOUDFLARE_API_TOKEN!,
            apiUrl: e.CLOUDFLARE_API_URL,
          }
        : undefined,
      fastly: e.FASTLY_SERVICE_ID
        ? {
            serviceId: e.FASTLY_SERVICE_ID,
            apiToken: e.FASTLY_API_TOKEN!,
            apiUrl: e.FASTLY_API_URL,
          }
        : undefined,
    },
    cdnPurgeIntervalMs: e.CDN_PURGE_INTERVAL_MS,
    pgPoolMax: e.PG_POOL_MAX,
    pgStatementTimeoutMs: e.PG_STATEMENT_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    mediaStore: e.MEDIA_STORE,
    s3: s3Config(e),
    mediaPublicUrl: e.MEDIA_PUBLIC_URL?.replace(/\/+$/, ''),
  };
}

const SHARED_SECRET_MISSING =
  '  SESSION_SECRET: required with DATABASE_URL, and the same on every instance (sessions and ' +
  'signed links must work on all of them). Make one with `openssl rand -hex 32` and set it in ' +
  'the environment of each instance.';

// An empty variable (`PORT=`) means "use the default", as most tools treat it.
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

async function keptSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'session-secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 32) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(48).toString('base64url');
  // 'wx' so two instances starting together cannot overwrite each other's secret.
  try {
    await writeFile(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return keptSecret(dataDir);
    throw err;
  }
}
