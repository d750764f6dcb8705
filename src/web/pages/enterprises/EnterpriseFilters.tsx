import { useEffect } from 'react';
import { Card, Col, Form, Input, Row, Select } from 'antd';
import { useReferenceLookup } from '../../app/reference';
import { FilterButtons } from '../../components/listParts';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

export type EnterpriseFilterValues = {
  districtCode?: string;
  industryCode?: string;
  keyIndustryCode?: string;
  keyword?: string;
};

interface Props {
  values: EnterpriseFilterValues;
  /** District users: their district, shown but not changeable. */
  fixedDistrict: string | null;
  onSearch: (values: EnterpriseFilterValues) => void;
}

/** The enterprise list's filter bar. */
export function EnterpriseFilters({ values, fixedDistrict, onSearch }: Props) {
  const { t, locale } = useT();
  const ref = useReferenceLookup();
  const [form] = Form.useForm<EnterpriseFilterValues>();

  // Follow the URL (back/forward, shared links).
  useEffect(() => {
    form.setFieldsValue({
      districtCode: fixedDistrict ?? values.districtCode,
      industryCode: values.industryCode,
      keyIndustryCode: values.keyIndustryCode,
      keyword: values.keyword,
    });
  }, [form, values.districtCode, values.industryCode, values.keyIndustryCode, values.keyword, fixedDistrict]);

  const submit = (v: EnterpriseFilterValues) =>
    onSearch({
      districtCode: fixedDistrict ? undefined : v.districtCode,
      industryCode: v.industryCode,
      keyIndustryCode: v.keyIndustryCode,
      keyword: v.keyword?.trim() || undefined,
    });

  return (
    <Card className="filter-card">
      <Form<EnterpriseFilterValues>
        form={form}
        name="enterpriseFilter"
        layout="horizontal"
        onFinish={submit}
        labelCol={{ flex: locale === 'zh-CN' ? '76px' : '96px' }}
        wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="districtCode" label={label('districtCode', locale)}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={Boolean(fixedDistrict)}
                placeholder={t('enterprise.districtPlaceholder')}
                options={ref.districts}
                aria-label={label('districtCode', locale)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="industryCode" label={label('industryCode', locale)}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('enterprise.industryPlaceholder')}
                options={ref.industryGroups}
                popupMatchSelectWidth={320}
                aria-label={label('industryCode', locale)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="keyIndustryCode" label={label('keyIndustryCode', locale)}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('enterprise.keyIndustryPlaceholder')}
                options={ref.keyIndustries}
                aria-label={label('keyIndustryCode', locale)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="keyword" label={label('keyword', locale)}>
              <Input allowClear placeholder={t('enterprise.keywordPlaceholder')} aria-label={label('keyword', locale)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={16} style={{ textAlign: 'right', marginBottom: 16 }}>
            <FilterButtons onReset={() => { form.resetFields(); form.setFieldsValue({ districtCode: fixedDistrict ?? undefined }); onSearch({}); }} />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
