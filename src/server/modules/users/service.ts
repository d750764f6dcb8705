import type { UserCreateBody, UserListQuery, UserPatchBody, User } from '../../../shared/contracts/users';
import { ROLE_ORG_KIND, type Role } from '../../../shared/domain/roles';
import type { Db } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { assertStrongPassword, hashPassword } from '../../platform/auth/passwords';
import { destroyUserSessions } from '../../platform/auth/sessions';
import { isUniqueViolation } from '../../platform/sql';
import * as repo from './repository';

const USER_ENTITY = { 'zh-CN': '用户', en: 'User' } as const;
const ORG_ENTITY = { 'zh-CN': '机构', en: 'Organisation' } as const;

/** User administration is city-wide: the administrator's city bounds what they see. */
function cityOf(actor: Actor): string {
  if (actor.scope.kind !== 'city') throw new AppError('FORBIDDEN');
  return actor.scope.cityCode;
}

function usernameTaken(username: string) {
  return new AppError('USERNAME_TAKEN', { username }, {
    username: (l) => (l === 'zh-CN' ? '已被使用' : 'is already taken'),
  });
}

function roleMismatch(role: Role) {
  return new AppError('ROLE_ORG_MISMATCH', { role }, {
    role: (l) => (l === 'zh-CN' ? '与所属机构类型不符' : 'does not fit the organisation'),
  });
}

function weakPassword(field: 'password' | 'newPassword') {
  return new AppError('PASSWORD_WEAK', {}, {
    [field]: (l) => (l === 'zh-CN' ? '至少 8 位，须包含字母和数字' : 'needs 8+ characters with letters and digits'),
  });
}

export const listUsers = (db: Db, actor: Actor, q: UserListQuery) => repo.listUsers(db, cityOf(actor), q);

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  const user = await repo.findUser(db, cityOf(actor), id);
  if (!user) throw notFound(USER_ENTITY);
  return user;
}

export async function createUser(db: Db, actor: Actor, body: UserCreateBody, meta: RequestMeta): Promise<User> {
  const city = cityOf(actor);
  const org = await repo.findOrganization(db, city, body.orgId);
  if (!org) {
    throw new AppError('VALIDATION_FAILED', {}, { orgId: (l) => (l === 'zh-CN' ? '不存在' : 'does not exist') });
  }
  if (ROLE_ORG_KIND[body.role] !== org.kind) throw roleMismatch(body.role);
  try {
    assertStrongPassword(body.password);
  } catch {
    throw weakPassword('password');
  }
  if (await repo.usernameTaken(db, body.username)) throw usernameTaken(body.username);
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.transaction(async (tx) => {
      const id = await repo.insertUser(tx, {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        orgId: body.orgId,
        email: body.email ?? null,
        phone: body.phone ?? null,
        passwordHash,
        mustChangePassword: true,
      });
      const created = await repo.findUser(tx, city, id);
      if (!created) throw new Error('created user not found');
      await recordAudit(tx, actor, meta, { action: 'user.created', entityId: id, after: created });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_uq')) throw usernameTaken(body.username);
    throw error;
  }
}

export async function updateUser(db: Db, actor: Actor, id: string, body: UserPatchBody, meta: RequestMeta) {
  const city = cityOf(actor);
  if (id === actor.userId && (body.disabled === true || (body.role && body.role !== actor.role))) {
    throw new AppError('SELF_LOCKOUT');
  }
  return db.transaction(async (tx) => {
    const before = await repo.findUser(tx, city, id, true);
    if (!before) throw notFound(USER_ENTITY);
    if (body.role && ROLE_ORG_KIND[body.role] !== before.orgKind) throw roleMismatch(body.role);
    await repo.updateUser(tx, id, body);
    if (body.disabled === true || (body.role && body.role !== before.role)) {
      // A disabled user or a changed role takes effect at once: end the user's sessions.
      await destroyUserSessions(tx, id);
    }
    const after = await repo.findUser(tx, city, id);
    if (!after) throw new Error('updated user not found');
    const changes = diff(before, after);
    if (changes) await recordAudit(tx, actor, meta, { action: 'user.updated', entityId: id, ...changes });
    return after;
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, newPassword: string, meta: RequestMeta) {
  const city = cityOf(actor);
  try {
    assertStrongPassword(newPassword);
  } catch {
    throw weakPassword('newPassword');
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const user = await repo.findUser(tx, city, id, true);
    if (!user) throw notFound(USER_ENTITY);
    await repo.setPassword(tx, id, passwordHash, true);
    await destroyUserSessions(tx, id);
    await recordAudit(tx, actor, meta, {
      action: 'user.passwordReset',
      entityId: id,
      after: { mustChangePassword: true },
    });
  });
}

export async function listOrganizations(db: Db, actor: Actor, q: Parameters<typeof repo.listOrganizations>[2]) {
  return repo.listOrganizations(db, cityOf(actor), q);
}

export { ORG_ENTITY };
