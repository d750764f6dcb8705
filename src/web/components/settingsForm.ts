import { useState } from 'react';
import { App, Form } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';

/**
 * A settings page's data and form: the settings loaded once, a save that validates the form, sends it,
 * replaces the cached settings and confirms with `savedMessage`; a server refusal is kept in `error`
 * (the page shows it above the form).
 */
export function useSettingsForm<Body, Data>(opts: {
  key: readonly unknown[];
  load: () => Promise<Data>;
  save: (body: Body) => Promise<Data>;
  savedMessage: string;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Body>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({ queryKey: opts.key, queryFn: opts.load });

  const save = async () => {
    let values: Body;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      queryClient.setQueryData(opts.key, await opts.save(values));
      void message.success(opts.savedMessage);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return { form, query, busy, error, clearError: () => setError(null), save };
}
