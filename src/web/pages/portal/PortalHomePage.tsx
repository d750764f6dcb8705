import { Button, Card, Col, Empty, Input, List, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { portalApi } from '../../api/endpoints';
import { ErrorResult } from '../../components/ErrorResult';
import { useT } from '../../i18n';

/** Portal home: search, the years with published lists and the latest result batches. */
export default function PortalHomePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const filters = useQuery({ queryKey: ['portal', 'filters'], queryFn: portalApi.filters });
  const batches = useQuery({ queryKey: ['portal', 'batches', 'latest'], queryFn: () => portalApi.batches({ pageSize: 5 }) });

  const search = (value: string) => {
    const keyword = value.trim();
    void navigate(keyword ? `/portal/lists?keyword=${encodeURIComponent(keyword)}` : '/portal/lists');
  };

  return (
    <>
      <div className="portal-hero">
        <h1>{t('portal.home.heading')}</h1>
        <p>{t('portal.home.intro')}</p>
        <Input.Search
          size="large"
          allowClear
          enterButton={t('common.search')}
          placeholder={t('portal.keywordPlaceholder')}
          aria-label={t('portal.keywordPlaceholder')}
          onSearch={search}
          style={{ maxWidth: 560 }}
        />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('portal.home.years')}>
            {filters.isError ? (
              <ErrorResult error={filters.error} onRetry={() => void filters.refetch()} />
            ) : filters.data && filters.data.years.length === 0 ? (
              <Empty description={t('portal.home.noLists')} />
            ) : (
              <Space wrap size={[8, 12]}>
                {(filters.data?.years ?? []).map((year) => (
                  <Link key={year} to={`/portal/lists?year=${year}`}>
                    <Tag color="blue" style={{ fontSize: 14, padding: '4px 12px' }}>
                      {t('portal.home.yearList', { year })}
                    </Tag>
                  </Link>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('portal.home.latestBatches')}
            extra={<Link to="/portal/results">{t('portal.home.allResults')}</Link>}
          >
            {batches.isError ? (
              <ErrorResult error={batches.error} onRetry={() => void batches.refetch()} />
            ) : (
              <List
                loading={batches.isPending}
                dataSource={batches.data?.items ?? []}
                locale={{ emptyText: <Empty description={t('portal.home.noBatches')} /> }}
                renderItem={(b) => (
                  <List.Item
                    actions={[
                      <Button key="open" type="link" onClick={() => void navigate(`/portal/results?batchId=${b.id}`)}>
                        {t('common.details')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={<Link to={`/portal/results?batchId=${b.id}`}>{b.title}</Link>}
                      description={
                        <Typography.Text type="secondary">
                          {t('portal.batchMeta', { date: b.publishedOn, count: b.roundCount })}
                        </Typography.Text>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
