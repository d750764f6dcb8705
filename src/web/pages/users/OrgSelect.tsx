import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgKind } from '../../../shared/domain/roles';
import { userApi } from '../../api/endpoints';
import { useT } from '../../i18n';

interface Props {
  kind: OrgKind | undefined;
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

/** Organisation picker limited to the kind that fits the chosen role; searches on the server. */
export function OrgSelect({ kind, value, onChange, id }: Props) {
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setKeyword(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const orgs = useQuery({
    queryKey: ['organizations', kind, keyword],
    queryFn: () => userApi.organizations({ kind, keyword: keyword || undefined, pageSize: 100 }),
    enabled: Boolean(kind),
    placeholderData: keepPreviousData,
  });

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={!kind}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setTyped}
      loading={orgs.isFetching}
      placeholder={kind ? t('user.orgPlaceholder') : t('user.pickRoleFirst')}
      options={(orgs.data?.items ?? []).map((o) => ({
        value: o.id,
        label: o.districtName && !o.name.includes(o.districtName) ? `${o.name}（${o.districtName}）` : o.name,
      }))}
    />
  );
}
