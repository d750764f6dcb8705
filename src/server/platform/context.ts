import type { Role, DataScope } from '../../shared/domain/roles';
import type { Locale } from '../../shared/i18n/locales';

/** The signed-in user behind a request, with the data scope every repository applies. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
  orgId: string;
  scope: DataScope;
  locale: Locale;
}

/** What a service needs to know about the request that called it. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

/** The actor recorded for changes made by the system itself (seeding, CLI). */
export interface SystemActor {
  userId: null;
  username: string;
  role: null;
}
export const SYSTEM_ACTOR: SystemActor = { userId: null, username: 'system', role: null };
