import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { MyRequestPage } from './MyRequestPage';
import type { RequestDetail } from './requests';
import { noRequestActions } from './testRequests';

const none = noRequestActions;

const detail = (actions: Partial<typeof none>, status: RequestDetail['status']): RequestDetail => ({
  id: id(1),
  title: '技改项目备案进度咨询',
  status,
  firmId: id(2),
  firmName: '重庆黔龙食品有限公司',
  categoryCode: 'approval',
  categoryName: '审批服务',
  departmentId: id(3),
  departmentName: '区发展改革委',
  suggestedDepartmentId: id(3),
  suggestedDepartmentName: '区发展改革委',
  suggestionConfidence: 0.9,
  dueOn: '2026-01-12',
  workdaysLeft: status === 'routed' ? -2 : null,
  dueState: status === 'routed' ? 'overdue' : null,
  dueProvisional: null,
  pendingExtension: false,
  pendingAppeal: false,
  createdAt: '2026-01-05T02:00:00.000Z',
  body: '我司计划投资800万元实施技术改造。',
  timeline: [
    {
      id: id(4),
      kind: 'routed',
      by: 'office',
      departmentName: '区发展改革委',
      note: '',
      data: {},
      at: '2026-01-05T03:00:00.000Z',
    },
  ],
  answers:
    status === 'answered'
      ? [
          {
            id: id(5),
            kind: 'answer',
            departmentName: '区发展改革委',
            body: '已安排专人对接。',
            onTime: true,
            createdAt: '2026-01-06T02:00:00.000Z',
            rating: null,
          },
        ]
      : [],
  rectifications: [],
  extensions: [],
  attachments: [],
  repeated: false,
  repeatOf: null,
  routingNote: null,
  rateBy: status === 'answered' ? '2026-01-20' : null,
  actions: { ...none, ...actions },
});

function renderPage(d: RequestDetail, at = d.id) {
  renderRoute(
    '/firm/requests/:id',
    MyRequestPage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === `/api/v1/business/requests/${d.id}`) return json(d);
      return notFound();
    },
    `/firm/requests/${at}`,
  );
}

describe("a firm's request", () => {
  it('offers the five levels of rating once the answer is in, and the timeline', async () => {
    renderPage(detail({ rate: true }, 'answered'));
    expect(await screen.findByText('请对本次答复作出评价')).toBeTruthy();
    expect(screen.getByText('已安排专人对接。')).toBeTruthy();
    expect(screen.getByText('分办至 区发展改革委')).toBeTruthy();
    expect(screen.getByText('待评价')).toBeTruthy();
    // The last day of the rating period, and what follows it.
    expect(screen.getByTestId('rate-by').textContent).toBe(
      '请于 2026-01-20（含）前评价；逾期未评价的，诉求按“未评价办结”处理，不视为满意',
    );
  });

  it('tells a firm that rates an answer badly what follows, not only thanks', async () => {
    const d = detail({ rate: true }, 'answered');
    renderRoute(
      '/firm/requests/:id',
      MyRequestPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (request.method === 'POST' && path === `/api/v1/business/answers/${id(5)}/rating`)
          return json({ ...d, status: 'rectifying', actions: none });
        if (path === `/api/v1/business/requests/${d.id}`) return json(d);
        return notFound();
      },
      `/firm/requests/${d.id}`,
    );
    await screen.findByText('请对本次答复作出评价');
    fireEvent.click(document.querySelectorAll('.ant-rate-star > div')[1]!);
    fireEvent.click(screen.getByTestId('rate-submit'));
    expect(await screen.findByText(/部门将回访核实并限期整改，整改后请您再次评价/)).toBeTruthy();
  });

  it('after a bad rating names the date the rectification’s, and the appeal without calling the firm malicious', async () => {
    const d = detail({}, 'answered');
    renderPage({
      ...d,
      status: 'rectifying',
      dueOn: '2026-02-03',
      answers: [
        {
          ...d.answers[0]!,
          rating: {
            id: id(6),
            score: 2,
            comment: '答复敷衍',
            createdAt: '2026-01-07T02:00:00.000Z',
            appeal: { id: id(7), status: 'pending', reason: '评价与事实不符', decisionNote: null },
          },
        },
      ],
    });
    expect(await screen.findByText('整改期限')).toBeTruthy();
    expect(screen.getByText('2026-02-03')).toBeTruthy();
    expect(screen.queryByText('答复期限')).toBeNull();
    expect(screen.getByText('差评申诉：待裁决')).toBeTruthy();
    expect(screen.queryByText(/恶意/)).toBeNull();
  });

  it('names a request closed unrated, offers no rating, and says why', async () => {
    const d = detail({}, 'answered');
    renderPage({
      ...d,
      status: 'closed_unrated',
      timeline: [
        ...d.timeline,
        {
          id: id(8),
          kind: 'closed_unrated',
          by: 'system',
          departmentName: '区发展改革委',
          note: '',
          data: { answerId: id(5), answeredOn: '2026-01-06', lastDay: '2026-01-20', ratingWorkdays: 10 },
          at: '2026-01-20T16:30:00.000Z',
        },
      ],
    });
    expect(await screen.findByText('未评价办结')).toBeTruthy();
    expect(screen.getByText('评价期满，未评价办结')).toBeTruthy();
    expect(screen.queryByText('请对本次答复作出评价')).toBeNull();
  });

  it('says the rating period is over when the request closed while the firm was rating', async () => {
    const d = detail({ rate: true }, 'answered');
    renderRoute(
      '/firm/requests/:id',
      MyRequestPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (request.method === 'POST' && path === `/api/v1/business/answers/${id(5)}/rating`)
          return json(
            {
              type: 'about:blank',
              title: 'x',
              status: 422,
              code: 'INVALID_STATE',
              errors: [{ path: 'score', message: 'x', code: 'rating_period_over' }],
            },
            422,
          );
        if (path === `/api/v1/business/requests/${d.id}`) return json(d);
        return notFound();
      },
      `/firm/requests/${d.id}`,
    );
    await screen.findByText('请对本次答复作出评价');
    fireEvent.click(document.querySelectorAll('.ant-rate-star > div')[4]!);
    fireEvent.click(screen.getByTestId('rate-submit'));
    expect(await screen.findByText('评价期已过，该答复不能再评价，诉求按未评价办结')).toBeTruthy();
  });

  it('shows no form the server does not offer, and flags an overdue answer in working days', async () => {
    renderPage(detail({}, 'routed'));
    expect(await screen.findByText('已超期 2 个工作日')).toBeTruthy();
    expect(screen.queryByText('请对本次答复作出评价')).toBeNull();
    expect(screen.queryByTestId('answer-submit')).toBeNull();
  });

  it("says a request that is not there (or not the firm's) is not there, rather than load for ever", async () => {
    renderPage({ ...detail({}, 'routed'), id: id(8) }, id(9));
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.getByText('返回我的诉求')).toBeTruthy();
  });

  it('takes another file while the request is open, and lists it', async () => {
    const d = detail({ attach: true }, 'routed');
    const withFile = {
      ...d,
      attachments: [
        { id: id(6), fileName: '现场照片.png', mediaType: 'image/png', size: 10, createdAt: d.createdAt },
      ],
    };
    let sent = false;
    renderRoute(
      '/firm/requests/:id',
      MyRequestPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (path === `/api/v1/business/requests/${d.id}/files`) {
          sent = true;
          return json(withFile.attachments[0], 201);
        }
        if (path === `/api/v1/business/requests/${d.id}`) return json(sent ? withFile : d);
        return notFound();
      },
      `/firm/requests/${d.id}`,
    );
    await screen.findByTestId('request-file-add');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['png'], '现场照片.png', { type: 'image/png' })] },
    });
    expect(await screen.findByText('现场照片.png')).toBeTruthy();
    expect(await screen.findByText('附件已上传')).toBeTruthy();
  });

  it('says a file was refused because the request closed meanwhile, by the refusal’s field code', async () => {
    const d = detail({ attach: true }, 'answered');
    renderRoute(
      '/firm/requests/:id',
      MyRequestPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (path === `/api/v1/business/requests/${d.id}/files`)
          return json(
            {
              type: 'about:blank',
              title: 'the request is closed',
              status: 422,
              code: 'INVALID_STATE',
              errors: [{ path: 'file', message: 'the request is closed', code: 'request_closed' }],
            },
            422,
          );
        if (path === `/api/v1/business/requests/${d.id}`) return json(d);
        return notFound();
      },
      `/firm/requests/${d.id}`,
    );
    await screen.findByTestId('request-file-add');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['png'], '现场照片.png', { type: 'image/png' })] },
    });
    expect(await screen.findByText('附件“现场照片.png”未能上传：该诉求已办结，不能再添加附件')).toBeTruthy();
  });

  it('says how many working days a pending extension asks for, not a bare number', async () => {
    const d = detail({ decide: true }, 'routed');
    renderPage({
      ...d,
      extensions: [
        {
          id: id(11),
          workdays: 3,
          reason: '需会同规划部门现场核实',
          status: 'pending',
          dueBefore: '2026-01-12',
          dueAfter: null,
          decisionNote: null,
        },
      ],
    });
    expect((await screen.findByTestId('extension-asked')).textContent).toBe(
      '申请延期 3 个工作日：需会同规划部门现场核实',
    );
  });
});
