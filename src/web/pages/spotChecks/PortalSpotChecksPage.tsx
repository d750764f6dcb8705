import { Button, Card, Descriptions, Empty, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { PublicSpotCheck, PublicSpotCheckDetail } from '../../../shared/contracts/spotChecks';
import { SPOT_CHECK_CATEGORIES } from '../../../shared/domain/spotChecks';
import { spotCheckApi } from '../../api/spotCheckEndpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { listPagination } from '../../components/listParts';
import { PageContainer } from '../../components/PageContainer';
import { useListState } from '../../components/urlQuery';
import { useT } from '../../i18n';

const NO_FILTERS: readonly string[] = [];
const NO_SORTS: readonly string[] = [];
const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** 抽查通报 on the public portal: published notices, newest first. */
export function PortalSpotChecksPage() {
  const { t } = useT();
  const { state, setPage } = useListState(NO_FILTERS, NO_SORTS);
  const list = useQuery({
    queryKey: ['portal', 'spotChecks', state.page, state.pageSize],
    queryFn: () => spotCheckApi.publicList(state.page, state.pageSize),
    placeholderData: keepPreviousData,
  });
  const columns: TableProps<PublicSpotCheck>['columns'] = [
    { title: t('spotChecks.portal.publishedAt'), key: 'publishedAt', width: 120, render: (_: unknown, row) => day(row.publishedAt) },
    { title: t('spotChecks.columns.noticeNo'), dataIndex: 'noticeNo', key: 'noticeNo', width: 200 },
    { title: t('spotChecks.columns.title'), key: 'title', render: (_: unknown, row) => <Link to={`/portal/spot-checks/${row.id}`}>{row.title}</Link> },
    { title: t('spotChecks.columns.year'), dataIndex: 'year', key: 'year', width: 100 },
    {
      title: t('spotChecks.columns.sample'),
      key: 'summary',
      width: 320,
      render: (_: unknown, row) => t('spotChecks.portal.summary', { sampled: row.sampled, conforming: row.conforming, problems: row.problems }),
    },
  ];
  return (
    <PageContainer title={t('spotChecks.portal.title')}>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PublicSpotCheck>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={listPagination(state, list.data?.total, t)}
            onChange={(p) => setPage(p.current ?? 1, p.pageSize ?? state.pageSize)}
            scroll={{ x: 900 }}
            locale={{ emptyText: list.isPending ? ' ' : <Empty description={t('spotChecks.portal.empty')} /> }}
          />
        )}
      </Card>
    </PageContainer>
  );
}

/** One published notice: tallies per district, problems by category, the rounds with problems, the .docx. */
export function PortalSpotCheckPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const query = useQuery({ queryKey: ['portal', 'spotCheck', id], queryFn: () => spotCheckApi.publicGet(id) });
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const problemColumns: TableProps<PublicSpotCheckDetail['problemRounds'][number]>['columns'] = [
    { title: t('spotChecks.form.district'), dataIndex: 'districtName', key: 'district', width: 110 },
    { title: t('spotChecks.detail.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', width: 240 },
    { title: t('spotChecks.portal.listingYear'), dataIndex: 'listingYear', key: 'year', width: 100 },
    {
      title: t('spotChecks.finding.categories'),
      key: 'categories',
      width: 260,
      render: (_: unknown, row) => row.categories.map((c) => <Tag key={c} color="red">{t(`spotChecks.categories.${c}`)}</Tag>),
    },
    { title: t('spotChecks.finding.description'), dataIndex: 'description', key: 'description' },
  ];
  return (
    <PageContainer
      title={d?.title ?? t('spotChecks.portal.title')}
      breadcrumb={[{ title: t('spotChecks.portal.title'), to: '/portal/spot-checks' }, { title: d?.noticeNo ?? '' }]}
      extra={
        d && (
          <Button type="primary" icon={<DownloadOutlined />} href={spotCheckApi.publicNoticeUrl(d.id)} data-testid="portal-notice-download">
            {t('spotChecks.portal.download')}
          </Button>
        )
      }
    >
      {!d ? (
        <Card loading />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="portal-spot-check">
          <Card>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label={t('spotChecks.columns.noticeNo')}>{d.noticeNo}</Descriptions.Item>
              <Descriptions.Item label={t('spotChecks.portal.publishedAt')}>{day(d.publishedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('spotChecks.columns.year')}>{d.year}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {t('spotChecks.portal.summary', { sampled: d.sampled, conforming: d.conforming, problems: d.problems })}
            </Typography.Title>
            <Space wrap>
              {SPOT_CHECK_CATEGORIES.map((c) => (
                <Tag key={c} color={d.categoryCounts[c] ? 'red' : undefined}>
                  {t(`spotChecks.categories.${c}`)} {d.categoryCounts[c]}
                </Tag>
              ))}
            </Space>
          </Card>
          <Card title={t('spotChecks.detail.tally')}>
            <Table
              size="small"
              rowKey="districtCode"
              pagination={false}
              dataSource={d.districts}
              columns={[
                { title: t('spotChecks.form.district'), dataIndex: 'districtName', key: 'district' },
                { title: t('spotChecks.columns.population'), dataIndex: 'population', key: 'population', width: 120 },
                { title: t('spotChecks.detail.sampled'), dataIndex: 'sampled', key: 'sampled', width: 100 },
                { title: t('spotChecks.detail.conforming'), dataIndex: 'conforming', key: 'conforming', width: 100 },
                { title: t('spotChecks.detail.problems'), dataIndex: 'problems', key: 'problems', width: 100 },
              ]}
            />
          </Card>
          <Card title={t('spotChecks.portal.problemRounds')}>
            <Table
              size="small"
              rowKey={(r) => `${r.enterpriseName}-${r.listingYear}`}
              pagination={false}
              dataSource={d.problemRounds}
              columns={problemColumns}
              scroll={{ x: 900 }}
              locale={{ emptyText: <Empty description={t('spotChecks.portal.noProblems')} /> }}
            />
          </Card>
          {d.summary && (
            <Card title={t('spotChecks.portal.requirements')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.summary}</Typography.Paragraph>
            </Card>
          )}
          <Link to="/portal/spot-checks">{t('spotChecks.portal.back')}</Link>
        </Space>
      )}
    </PageContainer>
  );
}
