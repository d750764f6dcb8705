import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/server/seed/demo/demoData';
import type { Client } from './app';
import { multipartOf } from './files';

/**
 * The test `Client` over real HTTP, for browser tests that prepare data through the API of a running
 * server (the same steps the API tests take through app.inject). Answers carry the fields the tests read:
 * statusCode, headers, body, json().
 */
function answer(res: Response, body: string): LightMyRequestResponse {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => (headers[key] = value));
  const reply = {
    statusCode: res.status,
    headers,
    body,
    json: <T>() => JSON.parse(body) as T,
  };
  return reply as unknown as LightMyRequestResponse;
}

export async function signInHttp(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${text}`);
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('cpaudit_sid=')) ?? '').split(';')[0] ?? '';
  const session = JSON.parse(text) as { csrfToken: string; user: { id: string } };
  const request = async (method: string, url: string, body?: BodyInit, headers: Record<string, string> = {}) => {
    const r = await fetch(`${baseUrl}${url}`, { method, body, headers: { cookie, 'x-csrf-token': session.csrfToken, ...headers } });
    return answer(r, await r.text());
  };
  return {
    cookie,
    csrf: session.csrfToken,
    userId: session.user.id,
    get: (url, headers = {}) => request('GET', url, undefined, headers),
    send: (method, url, payload, headers = {}) =>
      payload === undefined
        ? request(method, url, undefined, headers)
        : request(method, url, JSON.stringify(payload), { 'content-type': 'application/json', ...headers }),
    upload: (url, filename, content) => {
      const { payload, headers } = multipartOf(filename, content);
      return request('POST', url, new Uint8Array(payload), headers);
    },
  };
}
