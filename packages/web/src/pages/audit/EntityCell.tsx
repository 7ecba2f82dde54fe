import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../../api/types';
import { entityTypeName } from './names';

/**
 * The entity of an event: its title, linked to its page where it has one; an entity without a
 * title (a session) or gone since shows its type and a short id, the full id on hover.
 */
export function EntityCell({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const type = entityTypeName(t, event.entityType);
  const title = event.entityTitle;
  return (
    <Space size={4} title={event.entityId}>
      <Typography.Text type="secondary">{type}</Typography.Text>
      {title && event.entityLink ? (
        <Link to={event.entityLink}>{title}</Link>
      ) : title ? (
        <Typography.Text>{title}</Typography.Text>
      ) : (
        <Typography.Text type="secondary" code>
          {event.entityId.slice(0, 8)}
        </Typography.Text>
      )}
    </Space>
  );
}
