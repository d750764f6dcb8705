import type { FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { enterpriseInput } from '../../shared/contracts/enterprises';
import { ERROR_MESSAGES, type ErrorCode } from '../../shared/i18n/errors';
import { AppError, NotFoundError, fieldError, notFound, renderError, toAppError } from './errors';

function fakeRequest() {
  const log = { error: vi.fn(), warn: vi.fn() };
  return { request: { id: 'req-42', log } as unknown as FastifyRequest, log };
}

/** Run a zod schema through fastify-type-provider-zod's validator, as Fastify does, and build the thrown error. */
function validationError(schema: z.ZodType, data: unknown): Error & { validation: unknown; statusCode: number } {
  const validate = validatorCompiler({ schema, method: 'POST', url: '/test', httpPart: 'body' });
  const result = validate(data) as { error?: unknown; value?: unknown };
  if (!result.error) throw new Error('expected the data to be refused');
  return Object.assign(new Error('body/name Invalid input'), { validation: result.error, statusCode: 400 });
}

const validEnterprise = {
  name: '重庆测试有限公司',
  creditCode: '91500112MA5U7K2H1X',
  districtCode: '500112',
  address: '重庆市渝北区测试路1号',
  legalRepresentative: '张三',
  industryCode: '26',
  contactName: '李四',
  contactPhone: '13800138000',
};

describe('AppError status', () => {
  it.each([
    ['VALIDATION_FAILED', 400],
    ['BAD_REQUEST', 400],
    ['PASSWORD_WEAK', 400],
    ['ROLE_ORG_MISMATCH', 400],
    ['UNAUTHENTICATED', 401],
    ['SESSION_EXPIRED', 401],
    ['LOGIN_FAILED', 401],
    ['FORBIDDEN', 403],
    ['CSRF_INVALID', 403],
    ['ACCOUNT_DISABLED', 403],
    ['PASSWORD_WRONG', 403],
    ['DISTRICT_OUT_OF_SCOPE', 403],
    ['NOT_FOUND', 404],
    ['ROUTE_NOT_FOUND', 404],
    ['CREDIT_CODE_TAKEN', 409],
    ['USERNAME_TAKEN', 409],
    ['PAYLOAD_TOO_LARGE', 413],
    ['SELF_LOCKOUT', 422],
    ['LOGIN_LOCKED', 429],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
  ] as const)('%s → %i', (code, status) => {
    expect(new AppError(code).status).toBe(status);
  });

  it('gives every error code a client or server error status', () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
      const { status } = new AppError(code);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(code === 'INTERNAL' ? 600 : 500);
    }
  });

  it('keeps an explicit status', () => {
    expect(new AppError('BAD_REQUEST', { detail: 'x' }, undefined, 415).status).toBe(415);
  });

  it('passes an AppError through toAppError unchanged', () => {
    const { request } = fakeRequest();
    const error = new AppError('CREDIT_CODE_TAKEN', { code: 'X' });
    expect(toAppError(error, request)).toBe(error);
  });
});

describe('renderError', () => {
  it('renders the message in the caller language with the request id', () => {
    const error = new AppError('LOGIN_LOCKED', { minutes: 15 });
    expect(renderError(error, 'zh-CN', 'r1')).toEqual({
      error: { code: 'LOGIN_LOCKED', message: '登录失败次数过多，请在 15 分钟后重试', requestId: 'r1' },
    });
    expect(renderError(error, 'en', 'r1').error.message).toBe('Too many failed sign-in attempts; try again in 15 minutes');
  });

  it('lists failed fields with their labels', () => {
    const error = new AppError('VALIDATION_FAILED', {}, {
      name: (l) => (l === 'zh-CN' ? '必填' : 'is required'),
      creditCode: (l) => (l === 'zh-CN' ? '无效' : 'is invalid'),
    });
    expect(renderError(error, 'zh-CN', 'r')).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误：企业名称必填；统一社会信用代码无效',
        fields: { name: '必填', creditCode: '无效' },
        requestId: 'r',
      },
    });
    const en = renderError(error, 'en', 'r').error;
    expect(en.message).toBe('The submitted data is invalid: Enterprise name is required; Unified social credit code is invalid');
    expect(en.fields).toEqual({ name: 'is required', creditCode: 'is invalid' });
  });

  it('labels a nested path by its first segment and an unknown one by the path itself', () => {
    const error = new AppError('VALIDATION_FAILED', {}, { 'contactEmail.x': () => 'bad', 'mystery.field': () => 'bad' });
    expect(renderError(error, 'en', 'r').error.message).toBe('The submitted data is invalid: Contact email bad; mystery.field bad');
  });

  it('fieldError attaches one field to any code', () => {
    const body = renderError(fieldError('USERNAME_TAKEN', 'username', () => 'taken', { username: 'bob' }), 'en', 'r');
    expect(body.error).toMatchObject({ code: 'USERNAME_TAKEN', message: 'The username bob is already taken', fields: { username: 'taken' } });
  });

  it('names the entity in a not-found message', () => {
    const error = notFound({ 'zh-CN': '企业', en: 'Enterprise' });
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(renderError(error, 'zh-CN', 'r').error).toEqual({ code: 'NOT_FOUND', message: '企业不存在或无权访问', requestId: 'r' });
    expect(renderError(error, 'en', 'r').error.message).toBe('Enterprise not found');
  });
});

describe('toAppError: request validation', () => {
  it('maps a missing required field', () => {
    const { request } = fakeRequest();
    const { name: _name, ...withoutName } = validEnterprise;
    const error = toAppError(validationError(enterpriseInput, withoutName), request);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(400);
    const zh = renderError(error, 'zh-CN', 'r').error;
    expect(zh.fields).toEqual({ name: '必填' });
    expect(zh.message).toBe('提交的数据有误：企业名称必填');
    expect(renderError(error, 'en', 'r').error.fields).toEqual({ name: 'is required' });
  });

  it('treats a blank required text as missing', () => {
    const { request } = fakeRequest();
    const error = toAppError(validationError(enterpriseInput, { ...validEnterprise, address: '   ' }), request);
    expect(renderError(error, 'zh-CN', 'r').error.fields).toEqual({ address: '必填' });
  });

  it('maps a too long string with its limit', () => {
    const { request } = fakeRequest();
    const error = toAppError(validationError(enterpriseInput, { ...validEnterprise, name: '名'.repeat(201) }), request);
    expect(renderError(error, 'zh-CN', 'r').error.fields).toEqual({ name: '不能超过 200 个字符' });
    expect(renderError(error, 'en', 'r').error.fields).toEqual({ name: 'must be at most 200 characters' });
  });

  it('maps a wrong type with the expected type', () => {
    const { request } = fakeRequest();
    const error = toAppError(validationError(enterpriseInput, { ...validEnterprise, name: 42 }), request);
    expect(renderError(error, 'zh-CN', 'r').error.fields).toEqual({ name: '类型不正确（应为文本）' });
    expect(renderError(error, 'en', 'r').error.fields).toEqual({ name: 'has the wrong type (expected text)' });
  });

  it('maps the custom credit-code key to its translated message', () => {
    const { request } = fakeRequest();
    const wrongCheck = `${validEnterprise.creditCode.slice(0, 17)}Y`;
    const error = toAppError(validationError(enterpriseInput, { ...validEnterprise, creditCode: wrongCheck }), request);
    const zh = renderError(error, 'zh-CN', 'r').error;
    expect(zh.fields?.creditCode).toBe('无效：校验码错误，代码无效');
    expect(zh.message).toBe('提交的数据有误：统一社会信用代码无效：校验码错误，代码无效');
    expect(renderError(error, 'en', 'r').error.fields?.creditCode).toBe(
      'is invalid: the check character is wrong, so the code is invalid',
    );
  });

  it('joins nested paths with dots and keeps the first issue per path', () => {
    const { request } = fakeRequest();
    const schema = z.object({ contact: z.object({ email: z.email().max(3) }) });
    const error = toAppError(validationError(schema, { contact: { email: 'not-an-email' } }), request);
    expect(renderError(error, 'en', 'r').error.fields).toEqual({ 'contact.email': 'is not a valid email address' });
  });

  it('puts a root-level problem under "_"', () => {
    const { request } = fakeRequest();
    const error = toAppError(validationError(z.object({ a: z.string() }).strict(), { a: 'x', extra: 1 }), request);
    expect(renderError(error, 'en', 'r').error.fields).toEqual({ _: 'has unknown fields: extra' });
  });
});

describe('toAppError: other errors', () => {
  it('turns an unknown error into 500 INTERNAL without leaking its message', () => {
    const { request, log } = fakeRequest();
    const error = toAppError(new Error('connection string postgres://secret@db'), request);
    expect(error.code).toBe('INTERNAL');
    expect(error.status).toBe(500);
    const body = renderError(error, 'zh-CN', 'req-42');
    expect(body.error.message).toBe('服务器内部错误，请稍后再试（编号 req-42）');
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('turns a thrown non-error value into 500 INTERNAL', () => {
    const { request } = fakeRequest();
    expect(toAppError('boom', request).status).toBe(500);
    expect(toAppError(undefined, request).status).toBe(500);
  });

  it('maps a Fastify client error to BAD_REQUEST with its status', () => {
    const { request, log } = fakeRequest();
    const invalidJson = Object.assign(new Error("Body is not valid JSON but content-type is set to 'application/json'"), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    const error = toAppError(invalidJson, request);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.status).toBe(400);
    expect(renderError(error, 'en', 'r').error.message).toBe(
      "The request is malformed: Body is not valid JSON but content-type is set to 'application/json'",
    );
    const mediaType = Object.assign(new Error('Unsupported Media Type'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    expect(toAppError(mediaType, request)).toMatchObject({ code: 'BAD_REQUEST', status: 415 });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('maps a too large body and rate limiting', () => {
    const { request } = fakeRequest();
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toAppError(tooLarge, request)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    const limited = Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
    expect(toAppError(limited, request)).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });

  it('refuses values PostgreSQL cannot store (SQLSTATE class 22) with 400, not 500', () => {
    const { request, log } = fakeRequest();
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    expect(toAppError(nul, request)).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    const year0 = Object.assign(new Error('date/time field value out of range: "0000-01-01"'), { code: '22008' });
    expect(toAppError(year0, request)).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('keeps other database errors internal', () => {
    const { request } = fakeRequest();
    const unique = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    expect(toAppError(unique, request)).toMatchObject({ code: 'INTERNAL', status: 500 });
  });

  it('keeps a Fastify server error internal', () => {
    const { request } = fakeRequest();
    const serialization = Object.assign(new Error("Response doesn't match the schema"), {
      code: 'FST_ERR_RESPONSE_SERIALIZATION',
      statusCode: 500,
    });
    expect(toAppError(serialization, request)).toMatchObject({ code: 'INTERNAL', status: 500 });
  });
});

describe('toAppError: message keys on format rules', () => {
  it('uses the schema-given message key of a regex rule (phone, username)', async () => {
    const { request } = fakeRequest();
    const { userCreateBody } = await import('../../shared/contracts/users');
    const phone = toAppError(validationError(enterpriseInput, { ...validEnterprise, contactPhone: '12345' }), request);
    expect(renderError(phone, 'zh-CN', 'r').error.fields).toEqual({ contactPhone: '电话号码格式不正确' });
    expect(renderError(phone, 'en', 'r').error.fields).toEqual({ contactPhone: 'is not a valid phone number' });
    const user = toAppError(
      validationError(userCreateBody, {
        username: 'a b',
        displayName: 'x',
        role: 'expert',
        orgId: '3f0c1f52-9a7e-4f55-8a43-1d2b3c4d5e6f',
        password: 'x',
      }),
      request,
    );
    expect(renderError(user, 'en', 'r').error.fields).toEqual({
      username: 'may contain letters, digits, dot, underscore and hyphen, 3–64 characters',
    });
  });
});
