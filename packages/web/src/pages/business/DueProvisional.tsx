import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from './requests';

type Due = Pick<RequestSummary, 'dueOn' | 'dueProvisional'>;

/**
 * A due date counted Monday to Friday through a year whose holidays are not loaded yet: it is
 * counted again once they are. In a list, a tag whose title says why.
 */
export function DueProvisionalTag({ request }: { request: Due }) {
  const { t } = useTranslation();
  if (request.dueProvisional === null || !request.dueOn) return null;
  return (
    <Tag
      color="gold"
      data-testid="request-due-provisional"
      title={t('business.requests.dueProvisional', { year: request.dueProvisional })}
    >
      {t('business.requests.dueProvisionalTag')}
    </Tag>
  );
}

/** On the request itself, the whole sentence (a tag's title does not show on a phone). */
export function DueProvisionalNote({ request }: { request: Due }) {
  const { t } = useTranslation();
  if (request.dueProvisional === null || !request.dueOn) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="request-due-provisional-note"
      title={t('business.requests.dueProvisional', { year: request.dueProvisional })}
    />
  );
}
