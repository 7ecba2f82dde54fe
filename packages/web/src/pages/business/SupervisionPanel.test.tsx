import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { id, json, officeSession, renderRoute } from '../../test-support';
import { SupervisionPanel } from './SupervisionPanel';

type Entry = components['schemas']['SupervisionEntry'];

const reminder = (n: number, closedReason: Entry['closedReason']): Entry => ({
  id: id(n),
  kind: 'reminder',
  body: `督办${n}`,
  departmentName: '区发展改革委',
  createdAt: '2026-11-02T02:00:00.000Z',
  acknowledgedAt: null,
  acknowledgement: null,
  closedAt: '2026-11-05T02:00:00.000Z',
  closedReason,
  actions: { acknowledge: false },
});

describe('a reminder closed unacknowledged', () => {
  it('says whether the re-route or the request’s closing closed it', async () => {
    const trail: components['schemas']['SupervisionTrail'] = {
      items: [reminder(1, 'rerouted'), reminder(2, 'requestClosed')],
      actions: { note: true, remind: false },
    };
    renderRoute(
      '/',
      () => <SupervisionPanel requestId={id(7)} />,
      async (request) =>
        json(new URL(request.url).pathname === '/api/v1/auth/session' ? officeSession : trail),
    );
    const closed = await screen.findAllByTestId('supervision-closed');
    expect(closed.map((c) => c.textContent)).toEqual([
      '诉求已于 2026-11-05 改派其他部门，本条督办关闭，未经确认',
      '诉求已于 2026-11-05 办结，本条督办关闭，未经确认',
    ]);
  });
});
