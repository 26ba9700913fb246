import type { DbOrTrx } from '../db/database.ts';
import { generatePassword, hashPassword } from './password.ts';
import { defaultByline, normalizeEmail } from './user.ts';
import type { Role, User } from './user.table.ts';
import { findUserByEmail, insertUser, updateUserPassword } from './user.queries.ts';

/** Creates a newsroom account with a generated password, returned once and stored only hashed. */
export async function addUser(
  db: DbOrTrx,
  input: { email: string; name: string; role: Role; byline?: string | undefined },
): Promise<{ user: User; password: string }> {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(db, email)) throw new Error(`An account already exists for ${email}`);
  const password = generatePassword();
  const user = await insertUser(db, {
    email,
    name: input.name.trim(),
    byline: (input.byline ?? defaultByline(input.name, input.role)).trim(),
    role: input.role,
    password_hash: await hashPassword(password),
    disabled_at: null,
    created_at: new Date().toISOString(),
  });
  return { user, password };
}

/** Gives an account a new generated password and returns it. */
export async function resetPassword(db: DbOrTrx, email: string): Promise<string> {
  const user = await findUserByEmail(db, normalizeEmail(email));
  if (!user) throw new Error(`No account for ${normalizeEmail(email)}`);
  const password = generatePassword();
  await updateUserPassword(db, user.id, await hashPassword(password));
  return password;
}
