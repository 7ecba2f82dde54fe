import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The request an event came in with. An HTTP request's id is a uuid that support matches
 * against the server's log: shown as its first eight characters, the whole on hover and in the
 * copy button. The platform's own requests (the demo seed, the command line) carry a word,
 * named in the reader's language.
 */
export function RequestIdCell({ requestId }: { requestId: string | null }) {
  const { t } = useTranslation();
  if (!requestId) return '—';
  if (!/^[0-9a-f]{8}-/i.test(requestId)) {
    return (
      <Typography.Text type="secondary" title={requestId}>
        {t(`audit.actors.${requestId}`, { defaultValue: requestId })}
      </Typography.Text>
    );
  }
  return (
    <Tooltip title={requestId}>
      <Typography.Text code copyable={{ text: requestId, tooltips: false }} data-testid="audit-request-id">
        {requestId.slice(0, 8)}
      </Typography.Text>
    </Tooltip>
  );
}
