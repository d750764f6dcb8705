import { Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { DISCLOSURE_ITEMS, type DisclosureItem } from '../../../shared/domain/listingReasons';
import { portalApi } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import { ErrorResult, NotFoundResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { ReasonTags } from '../rounds/roundUi';

const isItem = (key: string): key is DisclosureItem => Object.hasOwn(DISCLOSURE_ITEMS, key);

/** A published round's public page: the listing, its disclosure, evaluation and acceptance result. */
export default function PortalRoundPage() {
  const { t, locale } = useT();
  const { id = '' } = useParams();
  const round = useQuery({ queryKey: ['portal', 'round', id], queryFn: () => portalApi.round(id) });

  if (round.isPending) return <Loading />;
  if (round.isError) {
    if (isApiError(round.error) && (round.error.status === 404 || round.error.status === 400)) return <NotFoundResult record />;
    return <ErrorResult error={round.error} onRetry={() => void round.refetch()} />;
  }
  const r = round.data;
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  return (
    <PageContainer
      title={r.enterpriseName}
      subTitle={t('portal.round.subtitle', { year: r.listingYear })}
      breadcrumb={[{ title: t('portal.nav.home'), to: '/portal' }, { title: t('portal.nav.lists'), to: '/portal/lists' }, { title: r.enterpriseName }]}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('portal.round.listing')}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={label('creditCode', locale)}>
              <span className="mono">{r.creditCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={label('districtCode', locale)}>{locale === 'zh-CN' ? r.districtName : r.districtNameEn}</Descriptions.Item>
            <Descriptions.Item label={label('industryCode', locale)}>{locale === 'zh-CN' ? r.industryName : r.industryNameEn}</Descriptions.Item>
            <Descriptions.Item label={label('listingYear', locale)}>{r.listingYear}</Descriptions.Item>
            <Descriptions.Item label={label('publishedOn', locale)}>{r.listPublishedOn}</Descriptions.Item>
            <Descriptions.Item label={label('reasons', locale)}>
              <ReasonTags reasons={r.reasons} />
            </Descriptions.Item>
            <Descriptions.Item label={label('reasonDetails', locale)} span={2}>
              {r.reasonDetails ?? none}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('portal.round.disclosure')}>
          {r.disclosure ? (
            <Descriptions column={1} size="small" bordered>
              {Object.entries(r.disclosure.items)
                .filter(([key]) => isItem(key))
                .map(([key, value]) => (
                  <Descriptions.Item key={key} label={isItem(key) ? DISCLOSURE_ITEMS[key][locale] : key}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>
                  </Descriptions.Item>
                ))}
              <Descriptions.Item label={t('portal.round.platform')}>
                {r.disclosure.platformName ?? none}
                {r.disclosure.platformUrl && (
                  <>
                    {' · '}
                    <a href={r.disclosure.platformUrl} target="_blank" rel="noopener noreferrer">
                      {r.disclosure.platformUrl}
                    </a>
                  </>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('portal.round.disclosedAt')}>{r.disclosure.publishedAt.slice(0, 10)}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty description={t('portal.round.noDisclosure')} />
          )}
        </Card>
        <Card title={t('portal.round.evaluation')}>
          {r.evaluation ? (
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('portal.columns.evaluationPassedOn')}>{r.evaluation.passedOn}</Descriptions.Item>
              <Descriptions.Item label={t('portal.columns.opinionNo')}>
                {r.evaluation.opinionNo ?? none}
                {r.evaluation.issuedOn ? ` (${r.evaluation.issuedOn})` : ''}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty description={t('portal.round.noEvaluation')} />
          )}
        </Card>
        <Card title={t('portal.round.acceptance')}>
          {r.acceptance ? (
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('portal.round.result')}>{t('portal.round.accepted')}</Descriptions.Item>
              <Descriptions.Item label={t('portal.columns.batch')}>{r.acceptance.batchTitle}</Descriptions.Item>
              <Descriptions.Item label={t('portal.columns.batchPublishedOn')}>{r.acceptance.publishedOn}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty description={t('portal.round.noAcceptance')} />
          )}
        </Card>
      </Space>
    </PageContainer>
  );
}
