import { Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { StoredFileInfo } from '../../../../shared/contracts/roundMaterial';
import { roundFileUrl } from '../../../api/endpoints';
import { useT } from '../../../i18n';

/** "1.2 MB" / "34 KB" / "512 B". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** A download link of a round's file (the browser sends the session cookie; the server checks scope). */
export function FileLink({ roundId, file }: { roundId: string; file: StoredFileInfo }) {
  const { t } = useT();
  return (
    <Typography.Link href={roundFileUrl(roundId, file.id)} download={file.originalName} aria-label={`${t('material.download')} ${file.originalName}`}>
      <DownloadOutlined /> {file.originalName}
    </Typography.Link>
  );
}

/** The server's message of a failed call (already translated by the client). */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
