import { PostgresAdapter, sql, type ColumnDataType, type Expression, type Kysely } from 'kysely';

/** True when a migration runs against PostgreSQL. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The column types that differ between the two engines, for migrations. */
export function columnTypes(db: Kysely<unknown>): {
  id: ColumnDataType;
  timestamp: ColumnDataType | Expression<unknown>;
} {
  return isPostgres(db)
    ? { id: 'serial', timestamp: sql`timestamptz` }
    : { id: 'integer', timestamp: 'text' };
}
