import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LOCALES, type Locale } from '../../shared/i18n/locales';
import { useSession } from '../app/session';
import { useT } from '../i18n';

/** The language menu of the header and the sign-in page. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { t, locale } = useT();
  const { changeLocale } = useSession();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`lang.${l}`), 'data-testid': `lang-${l}` })),
        onClick: ({ key }) => changeLocale(key as Locale),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('lang.label')}
        data-testid="language-switch"
        style={light ? { color: 'rgba(255,255,255,0.9)' } : undefined}
      >
        {t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
