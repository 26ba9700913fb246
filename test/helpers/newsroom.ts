import assert from 'node:assert/strict';
import type { Db } from '../../src/db/database.ts';
import { buildUser, TEST_PASSWORD } from './factories.ts';
import { Browser, hiddenValue } from './http.ts';
import type { TestApp } from './setup.ts';

let clients = 0;

/** The newsroom most article tests need: two authors, an editor and a moderator. */
export async function buildNewsroom(db: Db): Promise<void> {
  await buildUser(db, { email: 'auteur@griot.test', name: 'Awa Auteure', role: 'author' });
  await buildUser(db, { email: 'autre@griot.test', name: 'Autre Auteur', role: 'author' });
  await buildUser(db, { email: 'chef@griot.test', name: 'Chef Édition', role: 'editor' });
  await buildUser(db, { email: 'modo@griot.test', name: 'Modo', role: 'moderator' });
}

/** A member signed in through the login form, from an address of its own. */
export async function signIn(t: TestApp, email: string): Promise<Browser> {
  const member = new Browser(t, `192.0.2.${(++clients % 250) + 1}`);
  await member.login(email, TEST_PASSWORD);
  return member;
}

/** Creates an article through the editor form; returns its id. */
export async function createArticle(
  member: Browser,
  fields: Record<string, string>,
): Promise<number> {
  const form = await member.get('/admin/articles/nouveau');
  const res = await member.post('/admin/articles', {
    _csrf: hiddenValue(form.body, '_csrf'),
    ...fields,
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location as string)![1]);
}
