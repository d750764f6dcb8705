import { App, Space, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoundDetail } from '../../../shared/contracts/rounds';
import { roundApi } from '../../api/endpoints';
import { useT } from '../../i18n';
import { roundKey } from './roundUi';

/** Whether the round is a voluntary audit (自愿审核); bureau users in scope switch it (audited on the server). */
export function VoluntaryMark({ round, editable }: { round: RoundDetail; editable: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (voluntary: boolean) => roundApi.markVoluntary(round.id, voluntary),
    onSuccess: (next) => {
      queryClient.setQueryData(roundKey(round.id), next);
      void queryClient.invalidateQueries({ queryKey: ['rounds'] });
      void message.success(t(next.voluntary ? 'round.voluntaryMarked' : 'round.voluntaryUnmarked'));
    },
    onError: (error) => void message.error(error.message),
  });
  const text = <Typography.Text>{t(round.voluntary ? 'round.voluntaryYes' : 'round.voluntaryNo')}</Typography.Text>;
  if (!editable) return text;
  return (
    <Space>
      <Switch
        size="small"
        checked={round.voluntary}
        loading={mutation.isPending}
        onChange={(checked) => mutation.mutate(checked)}
        data-testid="round-voluntary"
        aria-label={t('round.voluntary')}
      />
      {text}
    </Space>
  );
}
