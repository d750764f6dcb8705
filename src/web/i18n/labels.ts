import { AUDIT_ACTIONS, type AuditAction, type AuditEntityType } from '../../shared/domain/auditActions';
import { LISTING_REASON_LABELS, type ListingReason } from '../../shared/domain/listingReasons';
import type { OrgKind, Role } from '../../shared/domain/roles';
import {
  ROUND_STATE_LABELS,
  TRANSITION_NAMES,
  transitionDef,
  type RoundState,
  type TransitionName,
} from '../../shared/domain/roundStates';
import { fieldLabel } from '../../shared/i18n/fields';
import type { Locale } from '../../shared/i18n/locales';
import { issueMessage, type IssueLike } from '../../shared/i18n/validation';
import type { TFunction } from './types';
import { zhCN } from './zh-CN';

const AUDIT_FIELD_KEYS = zhCN.auditFields;

export const roleLabel = (t: TFunction, role: Role): string => t(`roles.${role}`);
export const orgKindLabel = (t: TFunction, kind: OrgKind): string => t(`orgKinds.${kind}`);
export const entityTypeLabel = (t: TFunction, type: AuditEntityType): string => t(`entityTypes.${type}`);

export function actionLabel(action: AuditAction, locale: Locale): string {
  const entry = AUDIT_ACTIONS[action];
  return locale === 'zh-CN' ? entry.zh : entry.en;
}

/** A form label from the shared field catalogue (the same words the server uses in its messages). */
export const label = (field: string, locale: Locale): string => fieldLabel(field, locale);

/** A field name of recorded audit data: the shared catalogue, then web-only names, else the raw key. */
export function auditFieldLabel(t: TFunction, field: string, locale: Locale): string {
  const shared = fieldLabel(field, locale);
  if (shared !== field) return shared;
  return field in AUDIT_FIELD_KEYS ? t(`auditFields.${field as keyof typeof AUDIT_FIELD_KEYS}`) : field;
}

/** A zod issue as a short field message (the shared text the server also answers with). */
export function validationMessage(issue: IssueLike, locale: Locale): string {
  return issueMessage(issue, locale);
}

/** A round state's label (the shared state table). */
export const stateLabel = (state: RoundState, locale: Locale): string => ROUND_STATE_LABELS[state][locale];

/** A transition's label; history rows carry the name as text, so unknown names show as they are. */
export function transitionLabel(name: string, locale: Locale): string {
  return (TRANSITION_NAMES as readonly string[]).includes(name) ? transitionDef(name as TransitionName).label[locale] : name;
}

export const reasonLabel = (reason: ListingReason, locale: Locale): string => LISTING_REASON_LABELS[reason][locale];
