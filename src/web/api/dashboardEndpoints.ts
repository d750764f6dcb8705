/** Typed calls of the dashboards (统计分析 / 数据看板) and the public open data catalogue. */
import { dashboardSchema, openDataCatalogSchema, type DashboardQuery } from '../../shared/contracts/dashboards';
import { request } from './client';

export const dashboardApi = {
  overview: (query: Partial<DashboardQuery>) => request(dashboardSchema, 'GET', '/dashboards/overview', { query }),
};

export const openDataApi = {
  catalog: () => request(openDataCatalogSchema, 'GET', '/public/open-data'),
};
