import { Button, Space, type TablePaginationConfig } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useT, type TFunction } from '../i18n';
import { PAGE_SIZES } from './urlQuery';

/** The Reset / Search pair at the end of every list's filter bar (Search submits the surrounding form). */
export function FilterButtons({ onReset }: { onReset: () => void }) {
  const { t } = useT();
  return (
    <Space>
      <Button icon={<ReloadOutlined />} onClick={onReset}>
        {t('common.reset')}
      </Button>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
        {t('common.search')}
      </Button>
    </Space>
  );
}

/** Server-side pagination of a list page: page and size come from the URL state, the total from the API. */
export function listPagination(
  state: { page: number; pageSize: number },
  total: number | undefined,
  t: TFunction,
): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: (count) => t('common.total', { total: count }),
  };
}
