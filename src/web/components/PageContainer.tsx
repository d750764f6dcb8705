import type { ReactNode } from 'react';
import { Breadcrumb, Space, Typography } from 'antd';
import { Link } from 'react-router';

export interface Crumb {
  title: string;
  to?: string;
}

interface Props {
  title: ReactNode;
  subTitle?: ReactNode;
  breadcrumb?: Crumb[];
  extra?: ReactNode;
  children: ReactNode;
}

/** Page frame in the Ant Design Pro manner: breadcrumb, title with actions, then the content. */
export function PageContainer({ title, subTitle, breadcrumb, extra, children }: Props) {
  return (
    <div className="page">
      <div className="page-header">
        {breadcrumb && breadcrumb.length > 0 && (
          <Breadcrumb
            className="page-breadcrumb"
            items={breadcrumb.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
          />
        )}
        <div className="page-title-row">
          <Space size={12} align="baseline" wrap>
            <Typography.Title level={4} className="page-title">
              {title}
            </Typography.Title>
            {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
          </Space>
          {extra && <Space wrap>{extra}</Space>}
        </div>
      </div>
      <div className="page-body">{children}</div>
    </div>
  );
}
