import type { DataScope, OrgKind, Role } from '../../../shared/domain/roles';
import type { Locale } from '../../../shared/i18n/locales';
import type { Actor } from '../context';

/** The columns every actor lookup selects (sessions and sign-in share it). */
export const PRINCIPAL_COLUMNS = `u.id AS user_id, u.username, u.display_name, u.role, u.locale, u.disabled_at,
  u.must_change_password, u.password_hash, o.id AS org_id, o.kind AS org_kind, o.name AS org_name,
  o.city_code, o.district_code`;

export interface PrincipalRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  locale: Locale;
  disabled_at: Date | null;
  must_change_password: boolean;
  password_hash: string;
  org_id: string;
  org_kind: OrgKind;
  org_name: string;
  city_code: string;
  district_code: string | null;
}

export function scopeOf(row: PrincipalRow): DataScope {
  switch (row.role) {
    case 'city_admin':
    case 'city_staff':
      return { kind: 'city', cityCode: row.city_code };
    case 'district_staff':
      if (!row.district_code) throw new Error(`district user ${row.username} has no district`);
      return { kind: 'district', cityCode: row.city_code, districtCode: row.district_code };
    case 'enterprise_user':
      return { kind: 'enterprise', enterpriseId: row.org_id };
    case 'agency_user':
      return { kind: 'agency', agencyId: row.org_id };
    case 'expert':
      return { kind: 'expert', userId: row.user_id };
  }
}

export function actorOf(row: PrincipalRow): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    orgId: row.org_id,
    scope: scopeOf(row),
    locale: row.locale,
  };
}
