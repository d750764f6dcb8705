import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, actionsOf, can, type Action } from './permissions';
import { ROLES, type Role } from './roles';

const ENTERPRISE_WRITES: readonly Action[] = ['enterprise.create', 'enterprise.update', 'enterprise.updateContacts'];
const USER_ADMIN: readonly Action[] = ['user.list', 'user.read', 'user.create', 'user.update', 'user.resetPassword'];

describe('permission table', () => {
  it('has an entry for every role and no other', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it('grants only known actions, each once per role', () => {
    const known = new Set<string>(ACTIONS);
    for (const role of ROLES) {
      const granted: readonly string[] = PERMISSIONS[role];
      expect(granted.filter((a) => !known.has(a)), role).toEqual([]);
      expect(new Set(granted).size, `${role} lists an action twice`).toBe(granted.length);
    }
  });

  it('grants every action to at least one role', () => {
    const unused = ACTIONS.filter((action) => !ROLES.some((role) => can(role, action)));
    expect(unused).toEqual([]);
  });

  it('lets every role read reference data', () => {
    for (const role of ROLES) expect(can(role, 'reference.read'), role).toBe(true);
  });

  it('keeps user administration and the audit trail with the city administrator', () => {
    for (const action of [...USER_ADMIN, 'audit.list', 'audit.verify'] as const) {
      expect(ROLES.filter((role) => can(role, action)), action).toEqual(['city_admin']);
    }
    expect(can('city_admin', 'user.create')).toBe(true);
    expect(can('city_staff', 'user.create')).toBe(false);
    expect(can('district_staff', 'user.create')).toBe(false);
  });

  it('lets bureau staff register and edit enterprises', () => {
    for (const role of ['city_admin', 'city_staff', 'district_staff'] as const) {
      for (const action of [...ENTERPRISE_WRITES, 'enterprise.list', 'enterprise.read'] as const) {
        expect(can(role, action), `${role} ${action}`).toBe(true);
      }
    }
  });

  it('lets an enterprise user only read its record and update contacts', () => {
    expect(ENTERPRISE_WRITES.filter((a) => can('enterprise_user', a))).toEqual(['enterprise.updateContacts']);
    expect(can('enterprise_user', 'enterprise.read')).toBe(true);
    expect(can('enterprise_user', 'enterprise.list')).toBe(false);
    expect(can('enterprise_user', 'organization.list')).toBe(false);
  });

  it('gives agencies and experts no direct access to the registry, users or the audit trail', () => {
    const foundation = /^(enterprise|organization|user|audit)\./;
    for (const role of ['agency_user', 'expert'] as const) {
      expect(actionsOf(role).filter((a) => foundation.test(a)), role).toEqual([]);
    }
  });

  it('gives organisation lists to city roles only', () => {
    expect(ROLES.filter((role) => can(role, 'organization.list'))).toEqual(['city_admin', 'city_staff']);
  });

  it('answers false for an unknown role instead of throwing', () => {
    expect(can('visitor' as Role, 'reference.read')).toBe(false);
    expect(actionsOf('visitor' as Role)).toEqual([]);
  });

  it('actionsOf matches can for every role and action', () => {
    for (const role of ROLES) {
      expect(new Set(actionsOf(role))).toEqual(new Set(ACTIONS.filter((a) => can(role, a))));
    }
  });
});
