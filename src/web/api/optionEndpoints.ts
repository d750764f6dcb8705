/** Typed wrappers of the options register and option quality rules routes (task A). */
import { okSchema } from '../../shared/contracts/common';
import {
  baselineSchema,
  optionListSchema,
  optionRulesSchema,
  optionSchema,
  type BaselineBody,
  type OptionInput,
  type OptionListQuery,
  type OptionRulesBody,
} from '../../shared/contracts/options';
import { request } from './client';

const seg = (id: string) => encodeURIComponent(id);

export const optionApi = {
  list: (roundId: string, query: Partial<OptionListQuery> = {}) =>
    request(optionListSchema, 'GET', `/rounds/${seg(roundId)}/options`, { query }),
  create: (roundId: string, body: OptionInput) => request(optionSchema, 'POST', `/rounds/${seg(roundId)}/options`, { body }),
  update: (roundId: string, optionId: string, body: OptionInput) =>
    request(optionSchema, 'PUT', `/rounds/${seg(roundId)}/options/${seg(optionId)}`, { body }),
  remove: (roundId: string, optionId: string) => request(okSchema, 'DELETE', `/rounds/${seg(roundId)}/options/${seg(optionId)}`),
  saveBaseline: (roundId: string, body: BaselineBody) => request(baselineSchema, 'PUT', `/rounds/${seg(roundId)}/baseline`, { body }),
};

export const optionRulesApi = {
  get: () => request(optionRulesSchema, 'GET', '/option-rules'),
  save: (body: OptionRulesBody) => request(optionRulesSchema, 'PUT', '/option-rules', { body }),
};
