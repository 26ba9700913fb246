import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Db, DbOrTrx } from './database.ts';
import { isPostgres } from './schema-helpers.ts';

export type DialectName = 'sqlite' | 'postgres';

/** Which engine is behind a handle, for the few queries that differ (full-text search). */
export function dialectOf(db: DbOrTrx): DialectName {
  return isPostgres(db) ? 'postgres' : 'sqlite';
}

/** An open database: the Kysely handle and which engine is behind it. */
export interface Connection {
  db: Db;
  dialect: DialectName;
}

/** Options for connect(): a PostgreSQL URL, or else the SQLite file in dataDir. */
export interface ConnectOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to use (tests isolate themselves in a schema of their own). */
  schema?: string;
  /** SQLite file name inside dataDir. */
  sqliteFile?: string;
  /** PostgreSQL: the most connections in the pool (default 10). */
  poolMax?: number;
  /** PostgreSQL: cancel any statement running longer than this; 0 or absent for no limit. */
  statementTimeoutMs?: number;
}

/** Opens the configured database: PostgreSQL when a URL is given, else SQLite in WAL mode. */
export function connect(options: ConnectOptions): Connection {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      types: { getTypeParser },
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    return { db: new Kysely({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  const file = path.join(options.dataDir, options.sqliteFile ?? 'griot.db');
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  reusePreparedStatements(database);
  return { db: new Kysely({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
}

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;

// Both engines hand timestamps to the app as ISO strings and counts as numbers,
// so feature code never branches on the dialect.
function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return (v) => new Date(v).toISOString();
  if (oid === INT8) return (v) => Number(v);
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}

// Statements kept per SQL text; lists of ids make texts of their own, so the set is bounded.
const MAX_STATEMENTS = 500;

/**
 * Kysely prepares every query it runs; on SQLite preparing costs about as much as running a
 * small query, so statements are kept by their SQL text and reused (a statement still being
 * iterated, which only streamed queries do, is never handed out twice).
 */
function reusePreparedStatements(database: SqliteDatabase.Database): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, SqliteDatabase.Statement>();
  database.prepare = ((source: string) => {
    const kept = statements.get(source);
    if (kept && !kept.busy) return kept;
    const statement = prepare(source);
    if (!kept) {
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(source, statement);
    }
    return statement;
  }) as typeof database.prepare;
}
