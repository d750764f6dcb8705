import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { useReferenceLookup } from '../../app/reference';
import { useSignedIn } from '../../app/session';
import { ErrorResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer, type Crumb } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';
import { EnterpriseOverview } from './EnterpriseOverview';
import { useEnterprise } from './useEnterprise';

/** One enterprise, with the edit action the server allows. */
export default function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useT();
  const { can } = useSignedIn();
  const ref = useReferenceLookup();
  const navigate = useNavigate();
  const { data, error, isPending, refetch } = useEnterprise(id);

  if (isPending) return <Loading />;
  if (error) return <ErrorResult record error={error} onRetry={() => void refetch()} />;

  const e = data;
  const none = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const breadcrumb: Crumb[] = can('enterprise.list')
    ? [{ title: t('menu.home'), to: '/' }, { title: t('enterprise.listTitle'), to: '/enterprises' }, { title: e.name }]
    : [{ title: t('menu.home'), to: '/' }, { title: t('menu.myEnterprise') }];
  const edit = e.abilities.update ? (
    <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/enterprises/${e.id}/edit`)}>
      {t('common.edit')}
    </Button>
  ) : e.abilities.updateContacts ? (
    <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(`/enterprises/${e.id}/edit`)}>
      {t('enterprise.editContacts')}
    </Button>
  ) : null;

  return (
    <PageContainer
      title={e.name}
      subTitle={<span className="mono">{e.creditCode}</span>}
      breadcrumb={breadcrumb}
      extra={edit}
    >
      <Card title={t('enterprise.sectionBasic')}>
        <Descriptions bordered column={2} size="middle" styles={{ label: { width: 170 } }}>
          <Descriptions.Item label={label('name', locale)}>{e.name}</Descriptions.Item>
          <Descriptions.Item label={label('creditCode', locale)}>
            <span className="mono">{e.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={label('legalRepresentative', locale)}>{e.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={label('dischargePermitNo', locale)}>
            {e.dischargePermitNo ? <span className="mono">{e.dischargePermitNo}</span> : none}
          </Descriptions.Item>
          <Descriptions.Item label={label('address', locale)} span={2}>
            {e.address}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('enterprise.sectionClassification')}>
        <Descriptions bordered column={2} size="middle" styles={{ label: { width: 170 } }}>
          <Descriptions.Item label={label('districtCode', locale)}>
            {ref.districtName(e.districtCode, e.districtName)}
          </Descriptions.Item>
          <Descriptions.Item label={label('industrialPark', locale)}>{e.industrialPark ?? none}</Descriptions.Item>
          <Descriptions.Item label={label('industryCode', locale)}>
            {e.industryCode} {ref.industryName(e.industryCode, e.industryName)}
          </Descriptions.Item>
          <Descriptions.Item label={label('keyIndustryCode', locale)}>
            {e.keyIndustryCode ? (
              <Tag color="geekblue" bordered={false}>
                {ref.keyIndustryName(e.keyIndustryCode, e.keyIndustryName)}
              </Tag>
            ) : (
              none
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('enterprise.sectionContact')}>
        <Descriptions bordered column={2} size="middle" styles={{ label: { width: 170 } }}>
          <Descriptions.Item label={label('contactName', locale)}>{e.contactName}</Descriptions.Item>
          <Descriptions.Item label={label('contactPhone', locale)}>{e.contactPhone}</Descriptions.Item>
          <Descriptions.Item label={label('contactEmail', locale)}>{e.contactEmail ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('enterprise.updatedAt')}>
            {dayjs(e.updatedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('enterprise.createdAt')}>
            {dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {can('enterprise.overview') && <EnterpriseOverview enterpriseId={e.id} />}
    </PageContainer>
  );
}
