import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { momentInChina } from '../../components/dayInChina';
import type { RequestDetail } from './requests';

/** 办理过程: every step of a request, oldest first, as the firm and the staff follow it. */
export function RequestTimeline({ events }: { events: RequestDetail['timeline'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="request-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: e.kind.startsWith('appeal') || e.kind === 'rectification_opened' ? 'red' : 'blue',
        children: (
          <>
            <Typography.Text strong>
              {t(`business.events.${e.kind}`, { department: e.departmentName ?? '' })}
            </Typography.Text>
            {e.kind === 'rated' && typeof e.data.score === 'number' && (
              <Typography.Text> · {t(`business.scores.${e.data.score}`)}</Typography.Text>
            )}
            <br />
            <Typography.Text type="secondary">{momentInChina(e.at)}</Typography.Text>
            {e.note && <Typography.Paragraph style={{ marginBottom: 0 }}>{e.note}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
