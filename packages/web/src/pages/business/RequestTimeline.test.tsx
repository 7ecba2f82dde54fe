import '../../i18n';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id } from '../../test-support';
import { RequestTimeline } from './RequestTimeline';
import type { RequestDetail } from './requests';

type Step = RequestDetail['timeline'][number];
const step = (n: number, kind: Step['kind'], data: Step['data'], departmentName = '区市场监管局'): Step => ({
  id: id(n),
  kind,
  by: 'office',
  departmentName,
  note: '',
  data,
  at: `2026-11-0${n}T02:00:00.000Z`,
});

describe('the timeline of a request', () => {
  it('says a re-route reset the deadline, that the former one had passed, and how long the firm has waited', () => {
    render(
      <RequestTimeline
        events={[
          step(1, 'routed', {
            dueOn: '2026-11-13',
            rerouted: true,
            previousDueOn: '2026-11-02',
            previousOverdue: true,
            waitedWorkdays: 9,
          }),
          step(2, 'extension_withdrawn', { extensionId: id(9), reason: 'rerouted' }),
        ]}
      />,
    );
    expect(
      screen.getByText(
        '答复期限重新计算为 2026-11-13（原期限 2026-11-02）；原承办部门已超期；企业自提出诉求已等待 9 个工作日',
      ),
    ).toBeTruthy();
    expect(screen.getByText('延期申请撤回')).toBeTruthy();
    expect(screen.getByText('诉求已改派，原承办部门待审批的延期申请撤回')).toBeTruthy();
  });

  it('says an upheld appeal that closed the request withdrew the extension waiting for a decision', () => {
    render(
      <RequestTimeline
        events={[step(5, 'extension_withdrawn', { extensionId: id(9), reason: 'appealUpheld' })]}
      />,
    );
    expect(screen.getByText('申诉成立，诉求办结，待审批的延期申请撤回')).toBeTruthy();
  });

  it('says an upheld appeal withdrew the rectification and closed the request, never that it is done', () => {
    render(
      <RequestTimeline
        events={[
          step(6, 'appeal_upheld', { appealId: id(7), ratingId: id(8), rectificationWithdrawn: true }),
          step(7, 'appeal_upheld', { appealId: id(9), ratingId: id(10), rectificationWithdrawn: false }),
        ]}
      />,
    );
    expect(screen.getAllByText('申诉成立')).toHaveLength(2);
    // Only the step that withdrew a rectification says so; the other's rectification was answered before.
    expect(screen.getAllByTestId('step-detail').map((p) => p.textContent)).toEqual([
      '差评不计入部门效能得分，整改已撤销，诉求办结',
    ]);
  });

  it('says a routing corrected the category, by its names, with the office’s note', () => {
    const category = {
      from: { name: '审批服务', nameEn: 'Permits and approvals' },
      to: { name: '市场监管', nameEn: 'Market regulation' },
    };
    render(
      <RequestTimeline
        events={[
          { ...step(1, 'routed', { dueOn: '2026-11-17', category }), note: '请会同区市场监管局办理' },
          step(2, 'routed', {
            dueOn: '2026-11-20',
            rerouted: true,
            previousDueOn: '2026-11-17',
            category: { from: category.to, to: category.from },
          }),
        ]}
      />,
    );
    expect(screen.getByText('诉求类别由“审批服务”更正为“市场监管”')).toBeTruthy();
    expect(screen.getByText('请会同区市场监管局办理')).toBeTruthy();
    expect(
      screen.getByText(
        '诉求类别由“市场监管”更正为“审批服务”；答复期限重新计算为 2026-11-20（原期限 2026-11-17）',
      ),
    ).toBeTruthy();
  });

  it('shows the day the department says it made the return visit', () => {
    render(<RequestTimeline events={[step(3, 'return_visit', { visitedOn: '2026-10-28' })]} />);
    expect(screen.getByText('回访日期：2026-10-28')).toBeTruthy();
  });

  it('says a request closed unrated when the rating period passed, and which period', () => {
    render(
      <RequestTimeline
        events={[
          step(4, 'closed_unrated', {
            answerId: id(8),
            answeredOn: '2026-09-28',
            lastDay: '2026-10-16',
            ratingWorkdays: 10,
          }),
        ]}
      />,
    );
    expect(screen.getByText('评价期满，未评价办结')).toBeTruthy();
    expect(
      screen.getByText(
        '企业自 2026-09-28 答复之日起 10 个工作日内（至 2026-10-16）未评价，系统按未评价办结，不计入满意率',
      ),
    ).toBeTruthy();
  });
});
