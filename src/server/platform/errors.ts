import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '../../shared/i18n/errors';
import { errorMessage } from '../../shared/i18n/errors';
import { fieldLabel } from '../../shared/i18n/fields';
import type { Locale } from '../../shared/i18n/locales';
import { issueMessage, type IssueLike } from '../../shared/i18n/validation';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  CREDIT_CODE_INVALID: 400,
  PASSWORD_WEAK: 400,
  PASSWORD_REUSED: 400,
  UNKNOWN_REFERENCE: 400,
  ROLE_ORG_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  LOGIN_FAILED: 401,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  DISTRICT_OUT_OF_SCOPE: 403,
  PASSWORD_WRONG: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CREDIT_CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  ROUND_STATE_CONFLICT: 409,
  CAMPAIGN_YEAR_TAKEN: 409,
  PLAN_ENTRY_DUPLICATE: 409,
  PLAN_ENTRY_STATE_CONFLICT: 409,
  GUARD_NOT_MET: 422,
  NOTHING_TO_PUBLISH: 422,
  SELF_LOCKOUT: 422,
  PAYLOAD_TOO_LARGE: 413,
  LOGIN_LOCKED: 429,
  RATE_LIMITED: 429,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 400,
  FILE_REQUIRED: 400,
  ROUND_MATERIAL_LOCKED: 409,
  IMPORT_HEADERS_INVALID: 400,
  IMPORT_FILE_UNREADABLE: 400,
  IMPORT_EMPTY: 400,
  IMPORT_TOO_MANY_ROWS: 400,
  IMPORT_HAS_ERRORS: 422,
  IMPORT_STATE_CONFLICT: 409,
  RESULT_BATCH_CONFLICT: 409,
  RESULT_BATCH_TITLE_TAKEN: 409,
  AUDIT_STAGE_OUT_OF_ORDER: 409,
  AUDIT_STAGE_COMPLETED: 409,
  REVIEW_CONFLICT: 409,
  DRAW_TOO_FEW_CANDIDATES: 422,
  AGENCY_CREDIT_CODE_TAKEN: 409,
  AGENCY_STATUS_UNCHANGED: 409,
  AUDITOR_CERTIFICATE_TAKEN: 409,
  SPOT_CHECK_CONFLICT: 409,
  SPOT_CHECK_NOT_READY: 422,
  MAIL_NOT_FAILED: 409,
  ENFORCEMENT_CASE_STATE_CONFLICT: 409,
  ENFORCEMENT_DECISION_NO_TAKEN: 409,
  ENFORCEMENT_FINE_NEEDS_ORDER: 422,
  SUGGESTION_NOT_AVAILABLE: 409,
  SUMMARY_STATE_CONFLICT: 409,
  SUMMARY_INCOMPLETE: 422,
  INTERNAL: 500,
};

/** Field errors carry a message-building function so they are rendered in the caller's language. */
export type FieldErrors = Record<string, (locale: Locale) => string>;

/** A refusal the client can act on. Thrown anywhere; rendered by the error handler. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldErrors,
    status?: number,
  ) {
    super(code);
    this.status = status ?? STATUS[code] ?? 400;
  }
}

export const notFound = (entity: { 'zh-CN': string; en: string }) => new NotFoundError(entity);

export class NotFoundError extends AppError {
  constructor(readonly entity: { 'zh-CN': string; en: string }) {
    super('NOT_FOUND');
  }
}

/** A refusal whose message parameters are themselves translated (e.g. a state or guard label). */
export class LocalizedError extends AppError {
  constructor(
    code: ErrorCode,
    readonly texts: Readonly<Record<string, Readonly<Record<Locale, string>>>>,
    fields?: FieldErrors,
  ) {
    super(code, {}, fields);
  }
}

/** A validation failure on specific fields (e.g. a reference that does not exist). */
export function fieldError(code: ErrorCode, field: string, message: (locale: Locale) => string, params = {}): AppError {
  return new AppError(code, params, { [field]: message });
}

export function renderError(error: AppError, locale: Locale, requestId: string): ErrorBody {
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([path, msg]) => [path, msg(locale)]))
    : undefined;
  const params =
    error instanceof NotFoundError
      ? { ...error.params, entity: error.entity[locale] }
      : error instanceof LocalizedError
        ? Object.fromEntries(Object.entries(error.texts).map(([k, text]) => [k, text[locale]]))
      : error.code === 'VALIDATION_FAILED' && fields
        ? { fields: Object.entries(fields).map(([p, m]) => `${fieldLabel(p, locale)}${locale === 'zh-CN' ? '' : ' '}${m}`).join(locale === 'zh-CN' ? '；' : '; ') }
        : error.params;
  const body: ErrorBody = { error: { code: error.code, message: errorMessage(error.code, locale, params), requestId } };
  if (fields) body.error.fields = fields;
  return body;
}

interface ValidationItem {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Map fastify-type-provider-zod's validation error to field paths and translated messages. */
export function validationToAppError(items: readonly ValidationItem[]): AppError {
  const fields: FieldErrors = {};
  for (const item of items) {
    const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
    if (path in fields) continue;
    const issue: IssueLike = { ...item.params, code: item.keyword, message: item.message };
    fields[path] = (locale) => issueMessage(issue, locale);
  }
  return new AppError('VALIDATION_FAILED', {}, fields);
}

/** SQLSTATE class 22, "data exception": raised by PostgreSQL (and PGlite) for values it cannot store or cast. */
function isDataException(code: unknown): boolean {
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Turn any thrown value into the uniform error body. Only programming errors become 500. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return validationToAppError(error.validation);
  const fe = (typeof error === 'object' && error !== null ? error : {}) as Partial<FastifyError> & { code?: string };
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (fe.code === 'FST_ERR_RATE_LIMIT_EXCEEDED' || fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (isDataException(fe.code)) {
    // A value PostgreSQL cannot hold (a NUL character, year 0, …) came from the request: refuse it, do not crash.
    request.log.warn({ err: error }, 'value refused by the database');
    return new AppError('BAD_REQUEST', { detail: 'a submitted value cannot be stored (e.g. a NUL character or an impossible date)' });
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Malformed JSON, unsupported media type, empty body with JSON content type, …
    return new AppError('BAD_REQUEST', { detail: fe.message ?? 'bad request' }, undefined, fe.statusCode);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new AppError('INTERNAL', { requestId: request.id });
}

export function sendError(reply: FastifyReply, error: AppError, locale: Locale): FastifyReply {
  return reply.status(error.status).type('application/json').send(renderError(error, locale, reply.request.id));
}
