/** The enterprise 360° view (企业全景). */
import { enterpriseOverviewSchema } from '../../shared/contracts/enterpriseOverview';
import { request } from './client';

export const overviewApi = {
  get: (enterpriseId: string) => request(enterpriseOverviewSchema, 'GET', `/enterprises/${enterpriseId}/overview`),
};
