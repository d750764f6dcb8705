import { Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { OpenDataCatalog, OpenDataset } from '../../../shared/contracts/dashboards';
import { OPEN_DATASET_LABELS, OPEN_LIST_COLUMNS, OPEN_RESULT_COLUMNS, type OpenColumn } from '../../../shared/domain/openData';
import { openDataApi } from '../../api/dashboardEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';

type Entry = OpenDataCatalog['datasets'][number];

/** 开放数据: the published lists and acceptance results per year as CSV / JSON downloads, with the data dictionary. */
export default function PortalOpenDataPage() {
  const { t, locale } = useT();
  const catalog = useQuery({ queryKey: ['portal', 'open-data'], queryFn: openDataApi.catalog });

  const datasetCard = (dataset: OpenDataset, note: string, columns: readonly OpenColumn[]) => {
    const entries = (catalog.data?.datasets ?? []).filter((d) => d.dataset === dataset);
    return (
      <Card title={OPEN_DATASET_LABELS[dataset][locale]} data-testid={`open-data-${dataset}`}>
        <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
        <Table<Entry>
          size="small"
          rowKey={(e) => `${e.dataset}-${e.year}`}
          loading={catalog.isPending}
          dataSource={entries}
          pagination={entries.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.openData.empty')} /> }}
          columns={[
            {
              title: t('dashboards.openData.year'),
              key: 'year',
              render: (_: unknown, e) =>
                dataset === 'lists' ? t('dashboards.openData.listsYear', { year: e.year }) : t('dashboards.openData.resultsYear', { year: e.year }),
            },
            { title: t('dashboards.openData.rows'), dataIndex: 'rows', key: 'rows', align: 'right', width: 90 },
            {
              title: t('dashboards.openData.download'),
              key: 'download',
              width: 170,
              render: (_: unknown, e) => (
                <Space>
                  <a href={e.csv} download aria-label={`${e.year} CSV`}>
                    <DownloadOutlined /> CSV
                  </a>
                  <a href={e.json} download aria-label={`${e.year} JSON`}>
                    <DownloadOutlined /> JSON
                  </a>
                </Space>
              ),
            },
          ]}
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('dashboards.openData.dictionary')}
        </Typography.Title>
        <Table<OpenColumn>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={[...columns]}
          columns={[
            { title: t('dashboards.openData.column'), dataIndex: 'key', key: 'key', render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
            { title: t('dashboards.openData.type'), dataIndex: 'type', key: 'type', width: 90, render: (v: string) => <Tag>{v}</Tag> },
            { title: t('dashboards.openData.meaning'), key: 'label', render: (_: unknown, c) => c.label[locale] },
          ]}
        />
      </Card>
    );
  };

  return (
    <PageContainer title={t('dashboards.openData.title')}>
      <Typography.Paragraph>{t('dashboards.openData.intro')}</Typography.Paragraph>
      {catalog.isError ? (
        <ErrorResult error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            {datasetCard('lists', t('dashboards.openData.listsNote'), OPEN_LIST_COLUMNS)}
          </Col>
          <Col xs={24} xl={12}>
            {datasetCard('results', t('dashboards.openData.resultsNote'), OPEN_RESULT_COLUMNS)}
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
