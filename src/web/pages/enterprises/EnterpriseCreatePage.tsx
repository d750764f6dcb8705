import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { EnterpriseInput } from '../../../shared/contracts/enterprises';
import { enterpriseApi } from '../../api/endpoints';
import { useSignedIn } from '../../app/session';
import { PageContainer } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { ENTERPRISE_FIELDS, EnterpriseForm, toBody, type EnterpriseFormValues } from './EnterpriseForm';
import { enterpriseKey } from './useEnterprise';


/** 新增企业. */
export default function EnterpriseCreatePage() {
  const { t } = useT();
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ownDistrict = user.role === 'district_staff' ? user.org.districtCode : null;

  const submit = async (values: EnterpriseFormValues) => {
    const created = await enterpriseApi.create(toBody(values, ENTERPRISE_FIELDS) as EnterpriseInput);
    queryClient.setQueryData(enterpriseKey(created.id), created);
    await queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    void message.success(t('enterprise.created', { name: created.name }));
    void navigate(`/enterprises/${created.id}`, { replace: true });
  };

  return (
    <PageContainer
      title={t('enterprise.createTitle')}
      breadcrumb={[
        { title: t('menu.home'), to: '/' },
        { title: t('enterprise.listTitle'), to: '/enterprises' },
        { title: t('enterprise.createTitle') },
      ]}
    >
      <EnterpriseForm
        mode="full"
        initialValues={{ districtCode: ownDistrict ?? undefined }}
        lockDistrict={Boolean(ownDistrict)}
        submitLabel={t('common.submit')}
        onSubmit={submit}
        cancelTo="/enterprises"
      />
    </PageContainer>
  );
}
