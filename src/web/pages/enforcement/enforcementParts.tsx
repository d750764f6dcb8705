import type { ReactNode } from 'react';
import { Tabs, Tag } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import {
  CASE_STATUS_LABELS,
  CREDIT_KIND_LABELS,
  ENFORCEMENT_STEP_LABELS,
  type CaseStatus,
  type CreditKind,
  type EnforcementStep,
  type FineRange,
} from '../../../shared/domain/enforcement';
import type { Locale } from '../../../shared/i18n/locales';
import { useSignedIn } from '../../app/session';
import { PageContainer } from '../../components/PageContainer';
import { useT, type TFunction } from '../../i18n';

const TABS = [
  { key: '/enforcement/cases', label: 'enforcement.tabs.cases' },
  { key: '/enforcement/suggestions', label: 'enforcement.tabs.suggestions' },
  { key: '/enforcement/credit', label: 'enforcement.tabs.credit' },
  { key: '/enforcement/disclosure-scope', label: 'enforcement.tabs.scope' },
] as const;

/** The frame of the 执法与信用 pages: title, breadcrumb and the tabs that switch between the four lists. */
export function EnforcementFrame({ extra, children }: { extra?: ReactNode; children: ReactNode }) {
  const { t } = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((tab) => pathname.startsWith(tab.key))?.key ?? TABS[0].key;
  return (
    <PageContainer title={t('enforcement.title')} breadcrumb={[{ title: t('menu.home'), to: '/' }, { title: t('enforcement.title') }]} extra={extra}>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key)}
        items={TABS.map((tab) => ({ key: tab.key, label: t(tab.label) }))}
        style={{ marginBottom: 8 }}
      />
      {children}
    </PageContainer>
  );
}

export const isCityRole = (role: string) => role === 'city_admin' || role === 'city_staff';
export const useIsCity = () => isCityRole(useSignedIn().user.role);

const STATUS_COLOR = { open: 'processing', decided: 'warning', closed: 'default' } as const;
export function CaseStatusTag({ status, locale }: { status: CaseStatus; locale: Locale }) {
  return <Tag color={STATUS_COLOR[status]}>{CASE_STATUS_LABELS[status][locale]}</Tag>;
}

export function CreditKindTag({ kind, locale }: { kind: CreditKind; locale: Locale }) {
  return <Tag color={kind === 'negative' ? 'red' : 'green'}>{CREDIT_KIND_LABELS[kind][locale]}</Tag>;
}

const STEP_COLOR = { orderCorrection: 'orange', penalty: 'red', rollover: 'purple' } as const;
export function StepTag({ step, locale }: { step: EnforcementStep; locale: Locale }) {
  return <Tag color={STEP_COLOR[step]}>{ENFORCEMENT_STEP_LABELS[step][locale]}</Tag>;
}

export const money = (amount: number, t: TFunction) => t('enforcement.cases.yuan', { amount: amount.toLocaleString('en-US') });

export function rangeText(range: FineRange, t: TFunction): string {
  return range.min > 0 ? `${money(range.min, t)} – ${money(range.max, t)}` : `≤ ${money(range.max, t)}`;
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
