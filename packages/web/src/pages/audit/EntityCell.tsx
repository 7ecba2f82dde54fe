import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../../api/types';
import { entityKindName } from './names';

/**
 * The entity of an event: its type's name and its title, linked to its page where it has one.
 * What names no one record (a module's settings, a demo seed, an import) shows its type alone;
 * a record deleted since, its type and a short id. The full id is on hover.
 */
export function EntityCell({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const type = entityKindName(t, event.entityType, event.entityKind);
  const title = event.entityTitle;
  return (
    <Space size={4} title={event.entityId}>
      <Typography.Text type="secondary">{type}</Typography.Text>
      {title && event.entityLink ? (
        <Link to={event.entityLink}>{title}</Link>
      ) : title ? (
        <Typography.Text>{title}</Typography.Text>
      ) : event.entityGone ? (
        <Typography.Text type="secondary" code>
          {event.entityId.slice(0, 8)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
