import { createQueryId, type Compilable } from 'kysely';
import type { Db } from './database.ts';

/** What a prepared query is built with in place of each value, to find where the values go. */
class Placeholder {
  constructor(readonly name: string) {}
}

interface Prepared {
  sql: string;
  query: ReturnType<Compilable<unknown>['compile']>['query'];
  /** The compiled parameters: constants, and placeholders to put each call's values in. */
  parameters: readonly unknown[];
}

/** The values a prepared query takes: scalars only (see preparedQuery). */
export type PreparedValues = Record<string, string | number | null>;

/**
 * A read built and compiled by Kysely once per database, then run with each call's values.
 * Kysely builds and compiles a query on every call, and for the reads of a reader page (an
 * article with its columns, its thread, its related articles) that cost as much as running
 * them: about a tenth of a page's render. Their SQL never changes, only their values.
 *
 * `build` runs once per database with placeholders instead of the values, so it must only pass
 * them on as they are, as scalar values (a comparison's right side, a limit): never look at them,
 * branch on them or give them to `in`. A query of another shape is another prepared query.
 */
export function preparedQuery<V extends PreparedValues, R>(
  build: (db: Db, values: V) => Compilable<R>,
): (db: Db, values: V) => Promise<R[]> {
  const compiledFor = new WeakMap<Db, Prepared>();
  return async (db, values) => {
    let prepared = compiledFor.get(db);
    if (!prepared) {
      prepared = prepare(db, build);
      compiledFor.set(db, prepared);
    }
    const parameters = prepared.parameters.map((p) =>
      p instanceof Placeholder ? values[p.name] : p,
    );
    const result = await db.executeQuery<R>({
      sql: prepared.sql,
      query: prepared.query,
      parameters,
      queryId: createQueryId(),
    });
    return result.rows;
  };
}

function prepare<V extends PreparedValues, R>(
  db: Db,
  build: (db: Db, values: V) => Compilable<R>,
): Prepared {
  const named = new Set<string>();
  const placeholders = new Proxy({} as V, {
    get(_, name) {
      if (typeof name !== 'string') return undefined;
      named.add(name);
      return new Placeholder(name);
    },
  });
  const compiled = build(db, placeholders).compile();
  // A value read but not sent as a parameter was looked at (or dropped): its query would ignore
  // every later call's value.
  const sent = new Set(
    compiled.parameters.flatMap((p) => (p instanceof Placeholder ? [p.name] : [])),
  );
  for (const name of named)
    if (!sent.has(name))
      throw new Error(`preparedQuery: the value "${name}" was read but is not a parameter`);
  return { sql: compiled.sql, query: compiled.query, parameters: compiled.parameters };
}
