import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { campaignInput, deadlineRulesSchema, milestoneInput, type CampaignDetail } from '../../../shared/contracts/campaigns';
import { DEFAULT_DEADLINE_RULES, DEADLINE_RULE_LIMITS, type DeadlineRules } from '../../../shared/domain/deadlines';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { isApiError } from '../../api/client';
import { campaignApi } from '../../api/endpoints';
import { useReferenceLookup } from '../../app/reference';
import { ErrorResult } from '../../components/ErrorResult';
import { applyServerFieldErrors, zodRule } from '../../components/form';
import { Loading } from '../../components/Loading';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { label, roleLabel } from '../../i18n/labels';
import { RULE_FIELDS } from './CampaignDetailPage';

interface Values {
  year?: number;
  noticeNo?: string;
  title?: string;
  keyIndustryCodes?: string[];
  deadlineRules?: Partial<DeadlineRules>;
  milestones?: { name?: string; dueOn?: Dayjs; actorRole?: Role }[];
}
const FIELDS = Object.keys(campaignInput.shape);

function CampaignForm({ initial }: { initial: CampaignDetail | null }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const ref = useReferenceLookup();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const initialValues: Values = initial
    ? {
        year: initial.year,
        noticeNo: initial.noticeNo ?? undefined,
        title: initial.title,
        keyIndustryCodes: initial.keyIndustryCodes,
        deadlineRules: initial.deadlineRules,
        milestones: initial.milestones.map((m) => ({ name: m.name, dueOn: dayjs(m.dueOn), actorRole: m.actorRole })),
      }
    : { year: new Date().getFullYear() + 1, deadlineRules: { ...DEFAULT_DEADLINE_RULES }, keyIndustryCodes: [], milestones: [] };

  const finish = async (v: Values) => {
    const body = {
      year: v.year ?? 0,
      noticeNo: v.noticeNo?.trim() || null,
      title: v.title?.trim() ?? '',
      keyIndustryCodes: v.keyIndustryCodes ?? [],
      deadlineRules: { ...DEFAULT_DEADLINE_RULES, ...v.deadlineRules },
      milestones: (v.milestones ?? []).map((m) => ({
        name: m.name?.trim() ?? '',
        dueOn: m.dueOn ? m.dueOn.format('YYYY-MM-DD') : '',
        actorRole: m.actorRole ?? 'district_staff',
      })),
    };
    setBusy(true);
    setError(null);
    try {
      const saved = initial ? await campaignApi.update(initial.id, body) : await campaignApi.create(body);
      queryClient.setQueryData(['campaign', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      void message.success(initial ? t('campaign.saved') : t('campaign.created', { year: saved.year }));
      void navigate(`/campaigns/${saved.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e) && applyServerFieldErrors(form, e, FIELDS)) void message.error(e.message);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="campaign"
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => void finish(v)}
      onFinishFailed={() => void message.warning(t('errors.formInvalid'))}
      scrollToFirstError
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
        <Card title={t('campaign.basic')}>
          <Row gutter={24}>
            <Col xs={24} lg={6}>
              <Form.Item name="year" label={label('year', locale)} required rules={[zodRule(campaignInput.shape.year, locale, true)]}>
                <InputNumber style={{ width: '100%' }} precision={0} aria-label={label('year', locale)} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={18}>
              <Form.Item name="noticeNo" label={label('noticeNo', locale)} rules={[zodRule(campaignInput.shape.noticeNo, locale, false)]}>
                <Input maxLength={100} aria-label={label('noticeNo', locale)} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="title" label={label('title', locale)} required rules={[zodRule(campaignInput.shape.title, locale, true)]}>
                <Input maxLength={200} aria-label={label('title', locale)} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="keyIndustryCodes" label={label('keyIndustryCodes', locale)}>
                <Select mode="multiple" allowClear options={ref.keyIndustries} optionFilterProp="label" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={label('milestones', locale)}>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={12} align="top">
                    <Col xs={24} lg={12}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('campaign.milestoneName')}
                        required
                        rules={[zodRule(milestoneInput.shape.name, locale, true)]}
                      >
                        <Input maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} lg={5}>
                      <Form.Item name={[field.name, 'dueOn']} label={t('campaign.dueOn')} rules={[{ required: true, message: t('common.required') }]}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} lg={5}>
                      <Form.Item name={[field.name, 'actorRole']} label={t('campaign.actorRole')} rules={[{ required: true, message: t('common.required') }]}>
                        <Select options={ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} lg={2} style={{ paddingTop: 30 }}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.cancel')} onClick={() => remove(field.name)} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ actorRole: 'district_staff' })}>
                  {t('campaign.addMilestone')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title={t('campaign.rules')} extra={t('campaign.rulesHint')}>
          <Row gutter={24}>
            {RULE_FIELDS.map((f) => (
              <Col key={f} xs={24} md={12} lg={8}>
                <Form.Item
                  name={['deadlineRules', f]}
                  label={t(`campaign.${f}`)}
                  required
                  rules={[zodRule(deadlineRulesSchema.shape[f], locale, true)]}
                >
                  <InputNumber
                    style={{ width: '100%' }}
                    precision={0}
                    min={DEADLINE_RULE_LIMITS[f].min}
                    max={DEADLINE_RULE_LIMITS[f].max}
                    addonAfter={f === 'toxicIntervalYears' ? t('campaign.yearsUnit') : t('campaign.monthsUnit')}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
          <Button onClick={() => void navigate(initial ? `/campaigns/${initial.id}` : '/campaigns')}>{t('common.cancel')}</Button>
        </Space>
      </Space>
    </Form>
  );
}

/** 新建 / 编辑年度工作 (campaign.manage). */
export default function CampaignFormPage() {
  const { id } = useParams();
  const { t } = useT();
  const existing = useQuery({ queryKey: ['campaign', id ?? ''], queryFn: () => campaignApi.get(id ?? ''), enabled: Boolean(id) });
  if (id && existing.isPending) return <Loading />;
  if (id && existing.error) return <ErrorResult record error={existing.error} onRetry={() => void existing.refetch()} />;
  const title = id ? t('campaign.editTitle') : t('campaign.createTitle');
  return (
    <PageContainer title={title} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('campaign.listTitle'), to: '/campaigns' }, { title }]}>
      <CampaignForm initial={id ? (existing.data ?? null) : null} />
    </PageContainer>
  );
}
