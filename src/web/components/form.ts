import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import type { Locale } from '../../shared/i18n/locales';
import type { ApiError } from '../api/client';
import { validationMessage } from '../i18n/labels';

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * An antd rule that validates one field with its shared zod schema and shows the shared message
 * (the same text the server would answer). Blank required fields say "必填".
 */
export function zodRule(schema: z.ZodType, locale: Locale, required: boolean): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value) && !required) return;
      const result = schema.safeParse(isBlank(value) ? undefined : value);
      if (result.success) return;
      const issue = result.error.issues[0];
      throw new Error(issue ? validationMessage(issue, locale) : '');
    },
  };
}

/**
 * Put the server's field errors under the matching form fields.
 * Returns true when at least one field took a message.
 */
export function applyServerFieldErrors(form: FormInstance, error: ApiError, fieldNames: readonly string[]): boolean {
  if (!error.fields) return false;
  const known = Object.entries(error.fields)
    .map(([path, message]) => ({ name: path.split('.')[0] ?? path, message }))
    .filter((f) => fieldNames.includes(f.name));
  if (known.length === 0) return false;
  form.setFields(known.map((f) => ({ name: f.name, errors: [f.message] })));
  form.scrollToField(known[0]?.name ?? '');
  return true;
}
