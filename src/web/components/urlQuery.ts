import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** A list page's state kept in the URL, so a filtered page can be bookmarked and shared. */
export interface ListState {
  page: number;
  pageSize: number;
  sort: string | undefined;
  filters: Record<string, string | undefined>;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/**
 * Read and write list state in the query string. Unknown sort values and filter keys are ignored;
 * changing filters goes back to page 1.
 */
export function useListState(filterKeys: readonly string[], sorts: readonly string[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();

  const state = useMemo<ListState>(() => {
    const sizeParam = positiveInt(params.get('pageSize'), defaultPageSize);
    const sort = params.get('sort') ?? undefined;
    const filters: Record<string, string | undefined> = {};
    for (const key of filterKeys) filters[key] = params.get(key) || undefined;
    return {
      page: positiveInt(params.get('page'), 1),
      pageSize: (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : defaultPageSize,
      sort: sort && sorts.includes(sort) ? sort : undefined,
      filters,
    };
  }, [params, filterKeys, sorts, defaultPageSize]);

  const write = useCallback(
    (next: ListState) => {
      const out = new URLSearchParams();
      for (const [key, value] of Object.entries(next.filters)) if (value) out.set(key, value);
      if (next.sort) out.set('sort', next.sort);
      if (next.page > 1) out.set('page', String(next.page));
      if (next.pageSize !== defaultPageSize) out.set('pageSize', String(next.pageSize));
      setParams(out);
    },
    [setParams, defaultPageSize],
  );

  const setFilters = useCallback(
    (filters: Record<string, string | undefined>) => write({ ...state, filters, page: 1 }),
    [state, write],
  );
  const setPage = useCallback(
    (page: number, pageSize: number) => write({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize }),
    [state, write],
  );
  const setSort = useCallback((sort: string | undefined) => write({ ...state, sort, page: 1 }), [state, write]);

  return { state, setFilters, setPage, setSort };
}

/** antd's sortOrder for a column, from a sort value like '-name'. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The sort value for antd's sorter answer. */
export function sortValueOf(field: unknown, order: 'ascend' | 'descend' | null | undefined): string | undefined {
  if (typeof field !== 'string' || !order) return undefined;
  return order === 'descend' ? `-${field}` : field;
}
