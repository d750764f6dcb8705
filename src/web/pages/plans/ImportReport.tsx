import { useState } from 'react';
import { Alert, Card, Col, Descriptions, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PlanImportReport, PlanImportRow } from '../../../shared/contracts/planImports';
import { IMPORT_LAYOUT_COLUMNS, IMPORT_LAYOUT_LABELS } from '../../../shared/domain/excelLayouts';
import { useT } from '../../i18n';

const STATUS_COLOR = { uploaded: 'processing', committed: 'success', discarded: 'default' } as const;

/** The row-by-row validation report of an import: counts, then every row with its problems (paginated). */
export function ImportReport({ report }: { report: PlanImportReport }) {
  const { t, locale } = useT();
  const [onlyErrors, setOnlyErrors] = useState(report.errorCount > 0);
  const columns = IMPORT_LAYOUT_COLUMNS[report.layout].filter((c) => c.key !== 'seq' && c.key !== 'remarks');
  const headerOf = (field: string) => columns.find((c) => c.key === field)?.label ?? field;
  const rows = onlyErrors ? report.rows.filter((r) => r.errors.length > 0) : report.rows;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="import-report">
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('material.import.file')}>{report.fileName}</Descriptions.Item>
          <Descriptions.Item label={t('material.import.layout')}>{IMPORT_LAYOUT_LABELS[report.layout][locale]}</Descriptions.Item>
          <Descriptions.Item label={t('material.uploadedAt')}>
            <Space size={8}>
              {dayjs(report.uploadedAt).format('YYYY-MM-DD HH:mm')}
              <Tag color={STATUS_COLOR[report.status]}>{t(`material.import.status.${report.status}`)}</Tag>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={16} style={{ marginTop: 8 }}>
          <Col xs={8}>
            <Statistic title={t('material.import.totalRows')} value={report.rows.length} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('material.import.validRows')} value={report.validCount} valueStyle={{ color: '#389e0d' }} />
          </Col>
          <Col xs={8}>
            <Statistic
              title={t('material.import.errorRows')}
              value={report.errorCount}
              valueStyle={report.errorCount > 0 ? { color: '#cf1322' } : undefined}
            />
          </Col>
        </Row>
      </Card>
      {report.status === 'uploaded' && report.errorCount > 0 && (
        <Alert
          type={report.validCount > 0 ? 'warning' : 'error'}
          showIcon
          message={report.validCount > 0 ? t('material.import.hasErrors', { n: report.errorCount }) : t('material.import.noValid')}
        />
      )}
      <Space>
        <Switch checked={onlyErrors} onChange={setOnlyErrors} aria-label={t('material.import.onlyErrors')} />
        <Typography.Text>{t('material.import.onlyErrors')}</Typography.Text>
      </Space>
      <Table<PlanImportRow>
        rowKey="rowNumber"
        size="small"
        dataSource={rows}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('material.import.noRows') }}
        rowClassName={(r) => (r.errors.length > 0 ? 'import-row-error' : '')}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('common.total', { total: n }) }}
        columns={[
          { title: t('material.import.row'), dataIndex: 'rowNumber', key: 'rowNumber', width: 70, fixed: 'left' },
          {
            title: t('material.import.problems'),
            key: 'errors',
            width: 300,
            fixed: 'left' as const,
            render: (_: unknown, r: PlanImportRow) =>
              r.errors.length === 0 ? (
                <Tag color="success">{t('material.import.ok')}</Tag>
              ) : (
                <Space direction="vertical" size={2}>
                  {r.errors.map((e, i) => (
                    <Typography.Text key={i} type="danger">
                      {headerOf(e.field)}：{e.message}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          ...columns.map((c) => ({
            title: c.label,
            key: c.key,
            width: c.key === 'enterpriseName' ? 220 : c.key === 'creditCode' ? 190 : 120,
            render: (_: unknown, r: PlanImportRow) => {
              const bad = r.errors.some((e) => e.field === c.key);
              return <Typography.Text type={bad ? 'danger' : undefined}>{r.values[c.key] ?? ''}</Typography.Text>;
            },
          })),
        ]}
      />
    </Space>
  );
}
