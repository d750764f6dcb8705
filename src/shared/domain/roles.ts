/** The kinds of signed-in users. The public (anonymous) is not a role: it reaches only public routes. */
export const ROLES = [
  'city_admin',
  'city_staff',
  'district_staff',
  'enterprise_user',
  'agency_user',
  'expert',
] as const;
export type Role = (typeof ROLES)[number];

/** Organisation kinds; every user belongs to exactly one organisation. */
export const ORG_KINDS = ['city_bureau', 'district_bureau', 'enterprise', 'agency', 'expert_library'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Which organisation kind a role must belong to. */
export const ROLE_ORG_KIND = {
  city_admin: 'city_bureau',
  city_staff: 'city_bureau',
  district_staff: 'district_bureau',
  enterprise_user: 'enterprise',
  agency_user: 'agency',
  expert: 'expert_library',
} as const satisfies Record<Role, OrgKind>;

/**
 * The data scope of a signed-in user. Repositories translate it into SQL conditions;
 * out-of-scope records are answered with 404.
 */
export type DataScope =
  | { kind: 'city'; cityCode: string }
  | { kind: 'district'; cityCode: string; districtCode: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'expert'; userId: string };
