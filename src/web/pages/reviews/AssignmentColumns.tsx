import { Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Assignment } from '../../../shared/contracts/expertWork';
import type { TFunction } from '../../i18n';
import { MATERIAL_STATUS_COLORS } from './ExpertWorkCards';

/** 我的评审's columns of expert work: meeting and materials deadline with flags, material, pre-review and signature. */
export function assignmentColumns(t: TFunction): ColumnsType<Assignment> {
  return [
    {
      title: t('expertWork.columns.meeting'),
      key: 'meeting',
      width: 190,
      render: (_, r) =>
        r.meetingOn ? (
          <Space direction="vertical" size={0}>
            <Space size={4} wrap>
              <span style={{ whiteSpace: 'nowrap' }}>{r.meetingOn}</span>
              {r.overdue && <Tag color="error">{t('expertWork.flags.overdue')}</Tag>}
              {r.dueSoon && <Tag color="warning">{t('expertWork.flags.dueSoon')}</Tag>}
            </Space>
            {r.meetingPlace && <Typography.Text type="secondary">{r.meetingPlace}</Typography.Text>}
            {r.materialsDue && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('expertWork.columns.materialsDue')} {r.materialsDue}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('expertWork.meetingNone')}</Typography.Text>
        ),
    },
    {
      title: t('expertWork.columns.materials'),
      key: 'materials',
      width: 130,
      render: (_, r) => (
        <Tooltip
          title={r.materials.items
            .map((i) => `${t(`expertWork.materialItems.${i.item}`)}：${i.availableAt ? i.availableAt.slice(0, 10) : t('expertWork.panel.notAvailable')}`)
            .join('；')}
        >
          <Tag color={MATERIAL_STATUS_COLORS[r.materials.status]}>{t(`expertWork.materialsStatus.${r.materials.status}`)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('expertWork.columns.preReview'),
      key: 'work',
      width: 110,
      render: (_, r) =>
        r.status === 'conflict' ? (
          '—'
        ) : (
          <Space direction="vertical" size={2}>
            <Tag color={r.preReview === 'submitted' ? 'success' : r.preReview === 'draft' ? 'processing' : 'default'}>
              {t(`expertWork.preReviewStatus.${r.preReview}`)}
            </Tag>
            {r.signedAt && <Tag color="success">{t('expertWork.signedYes')}</Tag>}
          </Space>
        ),
    },
  ];
}
