import '../../i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiContext } from '../../api/ApiContext';
import { createApi } from '../../api/client';
import { AppProviders } from '../../components/AppProviders';
import { buttonNamed, buttonsNamed, openDialog, openDialogs } from '../../test-queries';
import { id, json, notFound, unavailable, validationProblem } from '../../test-support';
import { ReportFormPage } from './ReportFormPage';
import type { Plan, Report } from './shared';

const indicator = (n: number, name: string) => ({
  indicatorId: id(20 + n),
  indicatorCode: `I-${n}`,
  indicatorName: name,
  measure: '亿元',
  base: 10,
  targets: [11, 12, 13, 14] as [number, number, number, number],
  benchmarkRegionId: null,
  benchmarkValue: null,
  weight: 1,
  justification: '',
  direction: 'higher' as const,
  negativeAllowed: false,
});

const plan: Plan = {
  id: id(2),
  unitId: id(3),
  unitName: '区发展改革委',
  year: 2026,
  status: 'approved',
  contactName: '',
  contactPhone: '',
  returnReason: null,
  submittedAt: '2026-01-10T02:00:00.000Z',
  reviewedAt: '2026-01-12T02:00:00.000Z',
  itemCount: 2,
  isDemo: false,
  updatedAt: '2026-01-12T02:00:00.000Z',
  actions: { edit: false, submit: false, review: false, report: true, reopen: false },
  items: [indicator(1, '地区生产总值'), indicator(2, '固定资产投资')],
};

/** How many submissions the fake server has received. */
let submits = 0;
/** The saves the fake server has received; with `savedMeanwhile`, someone else saved first. */
let saves: unknown[] = [];
let savedMeanwhile = false;

/**
 * A draft report with nothing saved yet; the fake server adds evidence as it is uploaded. With
 * `planFails`, the report's plan cannot be read (the server, the network).
 */
function fakeServer(period = '2026Q3', planFails = false) {
  const evidence: Report['evidence'] = [];
  const report = (): Report => ({
    id: id(1),
    planId: plan.id,
    unitId: plan.unitId,
    unitName: plan.unitName,
    period,
    status: 'draft',
    deadline: '2026-10-20',
    late: false,
    deadlineProvisional: null,
    returnReason: null,
    submittedAt: null,
    valueCount: 0,
    isDemo: false,
    updatedAt: '2026-10-08T02:00:00.000Z',
    values: [],
    evidence: [...evidence],
    actions: { edit: true, submit: true, review: false },
  });
  // What someone else saved before this page's save: one value, a later updatedAt.
  const theirs = (): Report => ({
    ...report(),
    updatedAt: '2026-10-09T02:00:00.000Z',
    values: [
      {
        indicatorId: id(21),
        indicatorCode: 'I-1',
        indicatorName: '地区生产总值',
        value: 9,
        note: '',
        target: 13,
      },
    ],
  });
  let saved = false;
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === `/api/v1/targets/reports/${id(1)}/submit`) {
      submits += 1;
      return json({ ...report(), status: 'submitted' });
    }
    if (path === `/api/v1/targets/reports/${id(1)}/import`)
      return validationProblem([
        {
          path: 'row 3.value',
          message: '不是数字',
          code: 'not_a_number',
          params: { column: '实际值' },
        },
        {
          path: 'row 5.indicatorCode',
          message: '不在本单位的赶超方案中',
          code: 'not_in_plan',
          params: { column: '指标编码' },
        },
      ]);
    if (path === `/api/v1/targets/reports/${id(1)}` && request.method === 'PUT') {
      saves.push(await request.json());
      if (!savedMeanwhile) return json(report());
      saved = true;
      return json(
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'CONFLICT',
          errors: [{ path: 'updatedAt', message: 'changed', code: 'edited_meanwhile' }],
        },
        409,
      );
    }
    if (path === `/api/v1/targets/reports/${id(1)}`) return json(saved ? theirs() : report());
    if (path === `/api/v1/targets/plans/${plan.id}`) return planFails ? unavailable() : json(plan);
    if (path === `/api/v1/targets/reports/${id(1)}/evidence` && request.method === 'POST') {
      const file = (await request.formData()).get('file') as File;
      // The test environment's fetch drops a file's name on the way: the server names it.
      const row = {
        id: id(40 + evidence.length),
        fileName: '项目清单.pdf',
        mediaType: 'application/pdf',
        size: file.size,
        createdAt: '2026-10-08T02:00:00.000Z',
      };
      evidence.push(row);
      return json(row, 201);
    }
    return notFound();
  };
  return fetch;
}

const ReportsList = () => <p>报送列表</p>;

/** The form at its own address, with the reports list one link away. */
function renderForm(period?: string, planFails = false, meanwhile = false) {
  submits = 0;
  saves = [];
  savedMeanwhile = meanwhile;
  const api = createApi({
    fetch: fakeServer(period, planFails),
    baseUrl: 'http://localhost',
    locale: () => 'zh-CN',
  });
  const router = createMemoryRouter(
    [
      { path: '/admin/targets/reports/:id', Component: ReportFormPage },
      { path: '/admin/targets/reports', Component: ReportsList },
    ],
    { initialEntries: [`/admin/targets/reports/${id(1)}`] },
  );
  render(
    <ApiContext value={api}>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </ApiContext>,
  );
  return router;
}

const valueInput = (k: number) => document.getElementById(`report-value-${k}`) as HTMLInputElement;
const noteInput = (k: number) => document.getElementById(`report-note-${k}`) as HTMLInputElement;

async function typeValues() {
  await waitFor(() => expect(valueInput(1)).toBeTruthy(), { timeout: 15000 });
  fireEvent.change(valueInput(0), { target: { value: '12.5' } });
  fireEvent.change(noteInput(0), { target: { value: '含新开工项目' } });
  fireEvent.change(valueInput(1), { target: { value: '7' } });
  await waitFor(() => expect(valueInput(1).value).toBe('7'));
}

describe('the quarterly report form', () => {
  it('keeps typed, unsaved values when evidence is uploaded', async () => {
    renderForm();
    await typeValues();
    const picker = document.querySelector('input[type=file][accept^=".pdf"]') as HTMLInputElement;
    const file = new File(['%PDF-1.4'], 'list.pdf', { type: 'application/pdf' });
    fireEvent.change(picker, { target: { files: [file] } });
    // The upload reloads the report: the new file is listed, and what was typed is still there.
    expect(await screen.findByText('项目清单.pdf')).toBeTruthy();
    expect(valueInput(0).value).toBe('12.5');
    expect(noteInput(0).value).toBe('含新开工项目');
    expect(valueInput(1).value).toBe('7');
  });

  it('asks before leaving with unsaved values; staying keeps them, leaving goes on', async () => {
    const router = renderForm();
    await typeValues();
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    fireEvent.click(screen.getByText('‹ 返回季度报送列表'));
    expect(await waitFor(() => openDialog('有尚未保存的填写'))).toBeTruthy();
    fireEvent.click(buttonNamed(document.body, '留在本页'));
    expect(router.state.location.pathname).toBe(`/admin/targets/reports/${id(1)}`);
    expect(valueInput(0).value).toBe('12.5');
    // The first dialog may still be closing (jsdom runs no animation end): the newest is the last.
    const open = buttonsNamed(document.body, /^离\s?开$/).length;
    fireEvent.click(screen.getByText('‹ 返回季度报送列表'));
    await waitFor(() => expect(buttonsNamed(document.body, /^离\s?开$/).length).toBeGreaterThan(open));
    fireEvent.click(buttonsNamed(document.body, /^离\s?开$/).at(-1)!);
    expect(await screen.findByText('报送列表')).toBeTruthy();
  });

  it('lets a form without changes go without asking', async () => {
    renderForm();
    await waitFor(() => expect(valueInput(1)).toBeTruthy(), { timeout: 15000 });
    // The deadline, and nothing about its being configurable, which is no business of a unit's.
    expect(screen.getByText('报送截止：2026-10-20。')).toBeTruthy();
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    fireEvent.click(screen.getByText('‹ 返回季度报送列表'));
    expect(await screen.findByText('报送列表')).toBeTruthy();
  });
});

describe('submitting the quarterly report', () => {
  it('names the indicators left empty and submits only once confirmed', async () => {
    renderForm();
    await waitFor(() => expect(valueInput(1)).toBeTruthy(), { timeout: 15000 });
    fireEvent.change(valueInput(0), { target: { value: '12.5' } });
    await waitFor(() =>
      expect((screen.getByTestId('report-submit') as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('report-submit'));
    await waitFor(() => openDialog('2 项指标中有 1 项未填写，未填写的指标按完成度 0 计分。仍要报送吗？'));
    expect(screen.getByTestId('report-empty-list').textContent).toContain('固定资产投资');
    expect(screen.getByTestId('report-empty-list').textContent).not.toContain('地区生产总值');
    fireEvent.click(buttonNamed(document.body, '返回继续填写'));
    expect(submits).toBe(0);
    fireEvent.click(screen.getByTestId('report-submit'));
    fireEvent.click(
      (
        await waitFor(() => {
          const found = buttonsNamed(document.body, '仍然报送');
          expect(found.length).toBeGreaterThan(0);
          return found;
        })
      ).at(-1)!,
    );
    await waitFor(() => expect(submits).toBe(1));
  });

  it('submits a complete report without asking', async () => {
    renderForm();
    await typeValues();
    fireEvent.click(screen.getByTestId('report-submit'));
    await waitFor(() => expect(submits).toBe(1));
    expect(openDialogs()).toHaveLength(0);
  });

  it('says why it cannot be submitted while no value is entered', async () => {
    renderForm();
    const button = (await screen.findByTestId('report-submit')) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.mouseEnter(button.parentElement!);
    expect(await screen.findByText('请先填写至少一项实际值')).toBeTruthy();
  });

  it('is off before the quarter is over, saying when it ends', async () => {
    renderForm('2099Q4');
    await waitFor(() => expect(valueInput(1)).toBeTruthy(), { timeout: 15000 });
    fireEvent.change(valueInput(0), { target: { value: '12.5' } });
    const button = screen.getByTestId('report-submit') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText(/本季度 2099-12-31 结束/)).toBeTruthy();
    expect(screen.getByTestId('report-save')).toBeTruthy();
  });

  it('reports a refused workbook row by row, each with its row number and column', async () => {
    renderForm();
    await waitFor(() => expect(valueInput(1)).toBeTruthy(), { timeout: 15000 });
    const picker = document.querySelector('input[type=file][accept=".xlsx"]') as HTMLInputElement;
    const file = new File(['PK'], 'form.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    fireEvent.change(picker, { target: { files: [file] } });
    const dialog = (await screen.findByText('导入未完成')).closest('.ant-modal')!;
    const rows = [...dialog.querySelectorAll('tr.ant-table-row')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['3', '实际值', '不是数字'],
      ['5', '指标编码', '不在本单位的赶超方案中'],
    ]);
  });

  it('says the deadline and when the quarter ends as sentences of their own', async () => {
    renderForm('2099Q4');
    await waitFor(() => expect(valueInput(1)).toBeTruthy(), { timeout: 15000 });
    expect(screen.getByTestId('report-deadline').textContent).toBe('报送截止：2026-10-20。');
    expect(screen.getByTestId('report-not-ended').textContent).toBe(
      '本季度 2099-12-31 结束：现在可以保存草稿，季度结束后才能报送。',
    );
  });
});

describe('a report whose plan fails to load', () => {
  it('says so, with a retry, and shows no form whose saving would clear the values', async () => {
    renderForm(undefined, true);
    expect(await screen.findByTestId('load-retry', {}, { timeout: 15000 })).toBeTruthy();
    expect(screen.queryByTestId('report-save')).toBeNull();
    expect(valueInput(0)).toBeNull();
  });

  it('sends the report as read, and on a save someone else made first says so and reloads theirs', async () => {
    renderForm(undefined, false, true);
    await typeValues();
    fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]).toMatchObject({ updatedAt: '2026-10-08T02:00:00.000Z' });
    const alert = await screen.findByTestId('edited-meanwhile');
    expect(alert.textContent).toContain('他人已保存过修改');
    // What was typed stays on screen until the reload is asked for.
    expect(valueInput(0).value).toBe('12.5');
    fireEvent.click(screen.getByTestId('edited-meanwhile-reload'));
    await waitFor(() => expect(valueInput(0).value).toBe('9'));
    expect(valueInput(1).value).toBe('');
    expect(screen.queryByTestId('edited-meanwhile')).toBeNull();
  });
});
