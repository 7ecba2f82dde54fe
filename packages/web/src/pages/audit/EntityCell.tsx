import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../../api/types';
import { entityKindName } from './names';

// antd's Typography breaks words anywhere (word-break: break-word), which lets a flex item shrink
// below its longest word: in English "Inspection task" came out as "Inspectio / n task". Words wrap
// at spaces instead, and break only when one alone is wider than the cell; Chinese, which has no
// spaces, still wraps between any two characters.
const wrapWords = { wordBreak: 'normal', overflowWrap: 'break-word' } as const;

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
    <Space size={4} wrap title={event.entityId} data-testid="audit-entity-cell">
      <Typography.Text type="secondary" style={wrapWords}>
        {type}
      </Typography.Text>
      {title && event.entityLink ? (
        <Link to={event.entityLink} style={wrapWords}>
          {title}
        </Link>
      ) : title ? (
        <Typography.Text style={wrapWords}>{title}</Typography.Text>
      ) : event.entityGone ? (
        <Typography.Text type="secondary" code style={wrapWords}>
          {event.entityId.slice(0, 8)}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
