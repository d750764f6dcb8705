import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { PASSWORD_RULE } from '../../../shared/contracts/auth';
import { AppError } from '../errors';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane).
// Algorithm.Argon2id is a const enum (2), which isolated modules cannot read.
const OPTIONS = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('cpaudit-dummy-password-1');
  return dummyHash;
}

export function assertStrongPassword(password: string): void {
  if (!PASSWORD_RULE.test(password)) throw new AppError('PASSWORD_WEAK');
}
