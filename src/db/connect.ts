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
    reuseNamedStatements(pool);
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

// PostgreSQL names this many SQL texts at most (per process); past that, queries go unnamed.
const MAX_NAMED = 500;
// A list of ids makes a text per length: long ones (a flush's) are rare and left unnamed.
const MAX_NAMED_PARAMETERS = 32;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;
// Raised when a table a named statement reads changed shape (another instance migrated).
const CHANGED_RESULT = '0A000';

/**
 * Kysely sends every query unnamed, so PostgreSQL parses and plans it each time: for a page's
 * three reads that is about a millisecond of the server's CPU, several times what running them
 * costs. Each connection of the pool instead prepares a query's text once, under a name, and
 * binds it on later runs (PostgreSQL then keeps a generic plan when it is as good). The names
 * are per SQL text, so the set is bounded; a statement whose tables changed shape under it is
 * prepared again under a new name. (Behind PgBouncer: its session mode, or its transaction mode
 * with max_prepared_statements, 1.21 or later.)
 */
function reuseNamedStatements(pool: pg.Pool): void {
  const names = new Map<string, string>();
  let named = 0;
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED && NAMEABLE.test(text)) {
      name = `griot_${++named}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const [text, values] = args;
      const nameable =
        args.length === 2 && Array.isArray(values) && values.length <= MAX_NAMED_PARAMETERS;
      const name = nameable && typeof text === 'string' ? nameOf(text) : undefined;
      if (!name) return query(...args);
      const sql = text as string;
      return (query({ name, text: sql, values }) as Promise<unknown>).catch((err: unknown) => {
        if ((err as { code?: string }).code !== CHANGED_RESULT) throw err;
        // Prepared again under a new name, on every connection.
        names.delete(sql);
        const renamed = nameOf(sql);
        return renamed ? query({ name: renamed, text: sql, values }) : query(sql, values);
      });
    }) as typeof client.query;
  });
}
