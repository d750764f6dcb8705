import type { Organization, User, UserListQuery } from '../../../shared/contracts/users';
import type { OrgKind, Role } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { likeEscape, orderBy, Params, queryPage } from '../../platform/sql';

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT = `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.org_id AS "orgId",
  o.name AS "orgName", o.kind AS "orgKind", u.email, u.phone, (u.disabled_at IS NOT NULL) AS disabled,
  u.must_change_password AS "mustChangePassword", ${ISO('u.last_login_at')} AS "lastLoginAt",
  ${ISO('u.created_at')} AS "createdAt"
  FROM users u JOIN organizations o ON o.id = u.org_id`;

const SORT_COLUMNS = {
  username: 'lower(u.username)',
  displayName: 'u.display_name',
  role: 'u.role',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
} as const;

export async function listUsers(db: Queryable, cityCode: string, q: UserListQuery) {
  const p = new Params();
  const where = [`o.city_code = ${p.add(cityCode)}`];
  if (q.role) where.push(`u.role = ${p.add(q.role)}`);
  if (q.orgId) where.push(`u.org_id = ${p.add(q.orgId)}`);
  if (q.status) where.push(q.status === 'disabled' ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
  if (q.keyword) {
    const kw = p.add(`%${likeEscape(q.keyword)}%`);
    where.push(`(u.username ILIKE ${kw} OR u.display_name ILIKE ${kw} OR o.name ILIKE ${kw})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const { items, total } = await queryPage<User>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ${orderBy(q.sort, SORT_COLUMNS, 'u.id')}`,
    `SELECT count(*)::int AS total FROM users u JOIN organizations o ON o.id = u.org_id ${filter}`,
  );
  return { items, total };
}

export async function findUser(db: Queryable, cityCode: string, id: string, forUpdate = false) {
  const { rows } = await db.query<User>(
    `${SELECT} WHERE u.id = $1 AND o.city_code = $2${forUpdate ? ' FOR UPDATE OF u' : ''}`,
    [id, cityCode],
  );
  return rows[0];
}

export async function findOrganization(db: Queryable, cityCode: string, id: string) {
  const { rows } = await db.query<{ id: string; kind: OrgKind }>(
    'SELECT id, kind FROM organizations WHERE id = $1 AND city_code = $2',
    [id, cityCode],
  );
  return rows[0];
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username]);
  return rows.length > 0;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function insertUser(db: Queryable, u: NewUser): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, role, org_id, email, phone, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [u.username, u.displayName, u.role, u.orgId, u.email, u.phone, u.passwordHash, u.mustChangePassword],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('user insert returned no id');
  return id;
}

export async function updateUser(
  db: Queryable,
  id: string,
  changes: { displayName?: string; role?: Role; disabled?: boolean; email?: string | null; phone?: string | null },
): Promise<void> {
  const p = new Params();
  const sets: string[] = [];
  if (changes.displayName !== undefined) sets.push(`display_name = ${p.add(changes.displayName)}`);
  if (changes.role !== undefined) sets.push(`role = ${p.add(changes.role)}`);
  if (changes.email !== undefined) sets.push(`email = ${p.add(changes.email)}`);
  if (changes.phone !== undefined) sets.push(`phone = ${p.add(changes.phone)}`);
  if (changes.disabled !== undefined) {
    sets.push(changes.disabled ? 'disabled_at = COALESCE(disabled_at, now())' : 'disabled_at = NULL');
  }
  if (!sets.length) return;
  await db.query(`UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
}

export async function setPassword(db: Queryable, id: string, passwordHash: string, mustChange: boolean) {
  await db.query(
    `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(), updated_at = now()
      WHERE id = $1`,
    [id, passwordHash, mustChange],
  );
}

export async function listOrganizations(
  db: Queryable,
  cityCode: string,
  q: { page: number; pageSize: number; kind?: OrgKind | undefined; keyword?: string | undefined },
) {
  const p = new Params();
  const where = [`o.city_code = ${p.add(cityCode)}`];
  if (q.kind) where.push(`o.kind = ${p.add(q.kind)}`);
  if (q.keyword) where.push(`o.name ILIKE ${p.add(`%${likeEscape(q.keyword)}%`)}`);
  const filter = `WHERE ${where.join(' AND ')}`;
  const { items, total } = await queryPage<Organization>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT o.id, o.kind, o.name, o.district_code AS "districtCode", r.name AS "districtName"
         FROM organizations o LEFT JOIN regions r ON r.code = o.district_code ${filter}
        ORDER BY array_position(ARRAY['city_bureau','district_bureau','agency','expert_library','enterprise'], o.kind),
                 o.name, o.id`,
    `SELECT count(*)::int AS total FROM organizations o ${filter}`,
  );
  return { items, total };
}
