import type { z } from 'zod';
import { errorBodySchema } from '../../shared/contracts/common';
import { currentLocale, t } from '../i18n';

/** An error answer of the API (or a network failure, status 0), with the message already translated. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Kept from the sign-in / me answer; sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a signed-in request answers 401 (session expired or ended elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Query string without empty values. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: Query;
  body?: unknown;
}

async function parseError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // not JSON (proxy error page, …)
  }
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(response.status, code, message, fields);
  }
  return new ApiError(response.status, 'HTTP_' + String(response.status), `${t('errors.loadFailed')} (HTTP ${response.status})`);
}

/**
 * Call the API and parse the answer with the contract's zod schema, so the result is typed as
 * z.infer of that schema and any drift between server and client is caught here.
 */
export async function request<S extends z.ZodType>(
  schema: S,
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', t('errors.network'));
  }

  if (!response.ok) {
    const error = await parseError(response);
    if (error.status === 401 && csrfToken && !path.startsWith('/auth/login')) {
      csrfToken = null;
      onUnauthenticated?.();
    }
    throw error;
  }
  const payload: unknown = await response.json();
  return schema.parse(payload);
}

/**
 * Upload one file as multipart/form-data (part "file") with the CSRF token; the answer is parsed with
 * the contract's schema like request()'s, and a refusal (wrong type, too large …) becomes an ApiError.
 */
export async function uploadFile<S extends z.ZodType>(schema: S, path: string, file: Blob, fileName: string, query?: Query): Promise<z.infer<S>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const form = new FormData();
  form.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(query)}`, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'NETWORK', t('errors.network'));
  }
  if (!response.ok) {
    const error = await parseError(response);
    if (error.status === 401 && csrfToken) {
      csrfToken = null;
      onUnauthenticated?.();
    }
    throw error;
  }
  const payload: unknown = await response.json();
  return schema.parse(payload);
}
