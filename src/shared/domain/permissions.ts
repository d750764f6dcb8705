import type { Role } from './roles';

/**
 * Every action a route can require. Routes declare one of these (or 'public' / 'signedIn');
 * a test walks all registered routes and fails on any route without a declared action.
 */
export const ACTIONS = [
  'reference.read',
  'enterprise.list',
  'enterprise.read',
  'enterprise.create',
  'enterprise.update',
  'enterprise.updateContacts',
  'organization.list',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.resetPassword',
  'audit.list',
  'audit.verify',
  'campaign.read',
  'campaign.manage',
  'planEntry.list',
  'planEntry.propose',
  'planEntry.review',
  'list.publish',
  'round.list',
  'round.read',
  'round.transition',
  'round.material.edit',
  'round.engage',
  'planEntry.import',
  'planEntry.export',
  'list.export',
  'round.backlogExport',
  'result.publish',
  'round.application.upload',
  'round.opinion.record',
  'optionRules.read',
  'optionRules.manage',
  'scoreSheet.manage',
  'panel.manage',
  'review.score',
  'panel.read',
  'mail.admin',
  'reminder.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Route-level access: a permission, any signed-in user, or anyone. */
export type RouteAccess = Action | 'signedIn' | 'public';

const cityStaff: readonly Action[] = [
  'reference.read',
  'enterprise.list',
  'enterprise.read',
  'enterprise.create',
  'enterprise.update',
  'enterprise.updateContacts',
  'organization.list',
  'campaign.read',
  'campaign.manage',
  'planEntry.list',
  'planEntry.propose',
  'planEntry.review',
  'list.publish',
  'round.list',
  'round.read',
  'round.transition',
  'planEntry.import',
  'planEntry.export',
  'list.export',
  'round.backlogExport',
  'result.publish',
  'round.application.upload',
  'optionRules.read',
  'panel.read',
  'reminder.manage',
];

/** The permission table: role → actions. Data scope is applied separately, in SQL. */
export const PERMISSIONS = {
  city_admin: [
    ...cityStaff,
    'user.list',
    'user.read',
    'user.create',
    'user.update',
    'user.resetPassword',
    'audit.list',
    'audit.verify',
    'optionRules.manage',
    'scoreSheet.manage',
    'mail.admin',
  ],
  city_staff: cityStaff,
  district_staff: [
    'reference.read',
    'enterprise.list',
    'enterprise.read',
    'enterprise.create',
    'enterprise.update',
    'enterprise.updateContacts',
    'campaign.read',
    'planEntry.list',
    'planEntry.propose',
    'round.list',
    'round.read',
    'round.transition',
    'planEntry.import',
    'planEntry.export',
    'list.export',
    'round.backlogExport',
    'round.application.upload',
    'round.opinion.record',
    'optionRules.read',
    'panel.manage',
    'panel.read',
  ],
  enterprise_user: [
    'reference.read',
    'enterprise.read',
    'enterprise.updateContacts',
    'round.list',
    'round.read',
    'round.transition',
    'round.material.edit',
    'round.engage',
    'round.application.upload',
  ],
  // Agencies and experts reach enterprises only through the audit rounds that engage them
  // (agencies: their data scope yields no round until engagements exist; experts: review assignments).
  agency_user: ['reference.read', 'round.list', 'round.read', 'round.transition', 'round.material.edit', 'round.application.upload'],
  expert: ['reference.read', 'round.read', 'review.score', 'panel.read'],
} as const satisfies Record<Role, readonly Action[]>;

const permissionSets = new Map<Role, ReadonlySet<Action>>(
  (Object.keys(PERMISSIONS) as Role[]).map((role) => [role, new Set<Action>(PERMISSIONS[role])]),
);

export function can(role: Role, action: Action): boolean {
  return permissionSets.get(role)?.has(action) ?? false;
}

export function actionsOf(role: Role): Action[] {
  return [...(permissionSets.get(role) ?? [])];
}
