import { Alert, App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { enterpriseApi } from '../../api/endpoints';
import { useSignedIn } from '../../app/session';
import { ErrorResult, ForbiddenResult } from '../../components/ErrorResult';
import { Loading } from '../../components/Loading';
import { PageContainer, type Crumb } from '../../components/PageContainer';
import { useT } from '../../i18n';
import { CONTACT_FIELDS, ENTERPRISE_FIELDS, EnterpriseForm, toBody, type EnterpriseFormValues } from './EnterpriseForm';
import { enterpriseKey, useEnterprise } from './useEnterprise';


/** Edit an enterprise: the full form, or only the contact fields for enterprise users. */
export default function EnterpriseEditPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const { user, can } = useSignedIn();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data, error, isPending, refetch } = useEnterprise(id);

  if (isPending) return <Loading />;
  if (error) return <ErrorResult record error={error} onRetry={() => void refetch()} />;
  if (!data.abilities.update && !data.abilities.updateContacts) return <ForbiddenResult />;

  const mode = data.abilities.update ? 'full' : 'contacts';
  const fields = mode === 'full' ? ENTERPRISE_FIELDS : CONTACT_FIELDS;
  const initialValues: EnterpriseFormValues = Object.fromEntries(
    ENTERPRISE_FIELDS.map((f) => [f, data[f] ?? undefined]),
  );

  const submit = async (values: EnterpriseFormValues) => {
    const saved = await enterpriseApi.update(id, toBody(values, fields));
    queryClient.setQueryData(enterpriseKey(id), saved);
    await queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    void message.success(t('enterprise.saved'));
    void navigate(`/enterprises/${id}`, { replace: true });
  };

  const title = mode === 'full' ? t('enterprise.editTitle') : t('enterprise.editContactsTitle');
  const breadcrumb: Crumb[] = [
    { title: t('menu.home'), to: '/' },
    can('enterprise.list')
      ? { title: t('enterprise.listTitle'), to: '/enterprises' }
      : { title: t('menu.myEnterprise'), to: '/my-enterprise' },
    { title: data.name, to: `/enterprises/${id}` },
    { title },
  ];

  return (
    <PageContainer title={title} subTitle={data.name} breadcrumb={breadcrumb}>
      <EnterpriseForm
        mode={mode}
        initialValues={initialValues}
        lockDistrict={user.role === 'district_staff'}
        submitLabel={t('common.save')}
        onSubmit={submit}
        cancelTo={`/enterprises/${id}`}
        notice={mode === 'contacts' ? <Alert type="info" showIcon message={t('enterprise.contactsOnly')} /> : undefined}
      />
    </PageContainer>
  );
}
