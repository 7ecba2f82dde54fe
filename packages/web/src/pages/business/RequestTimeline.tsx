import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { momentInChina } from '../../components/dayInChina';
import type { RequestDetail } from './requests';

type Step = RequestDetail['timeline'][number];
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * What a step's record adds to its title: a routing may correct the firm's category (from which,
 * to which); a re-route resets the answer's deadline (from which
 * date, whether it had passed, how long the firm has waited in all); a withdrawn extension says
 * why; an upheld appeal that the rectification is withdrawn and the request closed; a return
 * visit the day the department says it visited; a request closed unrated the rating period that
 * passed.
 */
function StepDetail({ event: e }: { event: Step }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  // A category by its name in the reader's language (the step keeps both, never the code).
  const named = (c: unknown) => {
    const names = (c ?? {}) as { name?: unknown; nameEn?: unknown };
    return (english && text(names.nameEn)) || text(names.name);
  };
  const categoryChange = (c: unknown) => {
    if (!c || typeof c !== 'object') return '';
    const { from, to } = c as { from?: unknown; to?: unknown };
    return t('business.timeline.categoryChanged', { from: named(from), to: named(to) });
  };
  const rerouteParts = (r: Step) => [
    t('business.timeline.deadlineReset', {
      dueOn: text(r.data.dueOn),
      before: text(r.data.previousDueOn),
    }),
    r.data.previousOverdue === true ? t('business.timeline.wasOverdue') : '',
    typeof r.data.waitedWorkdays === 'number'
      ? t('business.timeline.waited', { count: r.data.waitedWorkdays })
      : '',
  ];
  const line = (s: string) => (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="step-detail">
      {s}
    </Typography.Paragraph>
  );
  if (e.kind === 'routed') {
    const parts = [categoryChange(e.data.category), ...(e.data.rerouted === true ? rerouteParts(e) : [])];
    const said = parts.filter(Boolean).join(t('business.timeline.separator'));
    return said ? line(said) : null;
  }
  if (e.kind === 'extension_withdrawn' && text(e.data.reason))
    return line(t(`business.timeline.withdrawnBecause.${text(e.data.reason)}`));
  // An upheld appeal that withdrew the open rectification closed the request: the step says so,
  // so nobody reads the rectification as done.
  if (e.kind === 'appeal_upheld' && e.data.rectificationWithdrawn === true)
    return line(t('business.timeline.rectificationWithdrawn'));
  if (e.kind === 'return_visit' && text(e.data.visitedOn))
    return line(t('business.timeline.visitedOn', { date: text(e.data.visitedOn) }));
  if (e.kind === 'closed_unrated' && text(e.data.lastDay))
    return line(
      t('business.timeline.ratingPeriodOver', {
        answeredOn: text(e.data.answeredOn),
        lastDay: text(e.data.lastDay),
        workdays: typeof e.data.ratingWorkdays === 'number' ? e.data.ratingWorkdays : '',
      }),
    );
  return null;
}

/** 办理过程: every step of a request, oldest first, as the firm and the staff follow it. */
export function RequestTimeline({ events }: { events: RequestDetail['timeline'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="request-timeline"
      items={events.map((e) => ({
        key: e.id,
        color:
          e.kind.startsWith('appeal') || e.kind === 'rectification_opened'
            ? 'red'
            : e.kind === 'closed_unrated'
              ? 'gray'
              : 'blue',
        children: (
          <>
            <Typography.Text strong>
              {t(`business.events.${e.kind}`, { department: e.departmentName ?? '' })}
            </Typography.Text>
            {e.kind === 'rated' && typeof e.data.score === 'number' && (
              <Typography.Text> · {t(`business.scores.${e.data.score}`)}</Typography.Text>
            )}
            <StepDetail event={e} />
            <br />
            <Typography.Text type="secondary">{momentInChina(e.at)}</Typography.Text>
            {e.note && <Typography.Paragraph style={{ marginBottom: 0 }}>{e.note}</Typography.Paragraph>}
          </>
        ),
      }))}
    />
  );
}
