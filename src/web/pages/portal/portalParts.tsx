import { useEffect, type ReactNode } from 'react';
import { Card, Col, Form, Input, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { portalApi } from '../../api/endpoints';
import { FilterButtons } from '../../components/listParts';
import { useT } from '../../i18n';
import { label } from '../../i18n/labels';

export type PortalFilters = { year?: string; districtCode?: string; keyword?: string; batchId?: string };

/** Years and districts of the published lists, for the portal's filters. */
export function usePortalFilters() {
  return useQuery({ queryKey: ['portal', 'filters'], queryFn: portalApi.filters, staleTime: 60_000 });
}

/** A district's name in the reader's language. */
export function districtText(locale: string, row: { districtName: string; districtNameEn: string }): string {
  return locale === 'zh-CN' ? row.districtName : row.districtNameEn;
}

/** The filter bar of the portal's lists: year, district, keyword (and an optional extra field, e.g. the batch). */
export function PortalFilterBar({
  values,
  onSubmit,
  extra,
}: {
  values: PortalFilters;
  onSubmit: (v: PortalFilters) => void;
  extra?: ReactNode;
}) {
  const { t, locale } = useT();
  const [form] = Form.useForm<PortalFilters>();
  const options = usePortalFilters();
  useEffect(() => {
    form.setFieldsValue({ year: values.year, districtCode: values.districtCode, keyword: values.keyword, batchId: values.batchId });
  }, [form, values.year, values.districtCode, values.keyword, values.batchId]);

  return (
    <Card className="filter-card">
      <Form<PortalFilters>
        form={form}
        name="portalFilter"
        onFinish={(v) => onSubmit({ ...v, keyword: v.keyword?.trim() || undefined })}
        labelCol={{ flex: locale === 'zh-CN' ? '76px' : '96px' }}
        wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="year" label={label('listingYear', locale)}>
              <Select
                allowClear
                aria-label={label('listingYear', locale)}
                placeholder={t('common.all')}
                options={(options.data?.years ?? []).map((y) => ({ value: String(y), label: String(y) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="districtCode" label={label('districtCode', locale)}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                aria-label={label('districtCode', locale)}
                placeholder={t('common.all')}
                options={(options.data?.districts ?? []).map((d) => ({ value: d.code, label: locale === 'zh-CN' ? d.name : d.nameEn }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item name="keyword" label={label('keyword', locale)}>
              <Input allowClear aria-label={label('keyword', locale)} placeholder={t('portal.keywordPlaceholder')} />
            </Form.Item>
          </Col>
          {extra}
          <Col xs={24} style={{ textAlign: 'right', marginBottom: 16 }}>
            <FilterButtons
              onReset={() => {
                form.resetFields();
                onSubmit({});
              }}
            />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
