import '../i18n';
import { fireEvent, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { components } from '../api/schema';
import { CatalogueEditor } from '../components/CatalogueEditor';
import { id, json, officeSession, renderRoute, unavailable } from '../test-support';
import { FirmStaffModal } from './business/FirmStaffModal';
import { LiaisonVisitsDrawer } from './business/LiaisonVisitsDrawer';
import { ProjectDrawer } from './business/projects/ProjectDrawer';
import { ProjectFormModal } from './business/projects/ProjectFormModal';
import { SupervisionPanel } from './business/SupervisionPanel';
import { SurveyFormModal } from './business/SurveyFormModal';
import type { Firm } from './business/shared';
import { FiguresSection } from './inspections/FiguresSection';
import { RectificationsSection } from './inspections/RectificationsSection';
import { TaskFormModal } from './inspections/TaskFormModal';
import { VisitFindings } from './inspections/VisitFindings';
import { ProjectPracticesCard } from './reforms/learning/ProjectPracticesCard';
import { SessionDrawer } from './reforms/learning/SessionDrawer';
import { ReformAdoptModal } from './reforms/ReformAdoptModal';
import { SuggestionReforms } from './reforms/SuggestionReforms';

const session = officeSession;

/** A server that answers the session and fails everything else, as a server fault or a lost network would. */
const failing = async (request: Request) =>
  new URL(request.url).pathname === '/api/v1/auth/session' ? json(session) : unavailable();

const nothing = () => undefined;

const firm: Firm = {
  id: id(30),
  name: '重庆黔龙食品有限公司',
  creditCode: '91500114MA5U000000',
  industryCode: 'C14',
  industryName: '食品制造业',
  townId: id(5),
  townName: '城东街道',
  size: 'small',
  contacts: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  actions: { update: true, manageStaff: true },
};

/**
 * Each part of a page (a drawer, a modal, a section, a card), and what would have read as an
 * answer had the failure not been said in that part.
 */
const parts: Array<[string, () => ReactNode, string?]> = [
  [
    'a catalogue',
    () => (
      <CatalogueEditor
        load={() => Promise.reject(new TypeError('Failed to fetch'))}
        create={async () => undefined}
        update={async () => undefined}
        testId="catalogue"
      />
    ),
    '暂无数据',
  ],
  ['a project in the drawer', () => <ProjectDrawer id={id(1)} onChange={nothing} onEdit={nothing} />],
  [
    'the commissioners of the project form',
    () => <ProjectFormModal project={null} chains={[]} onClose={nothing} onSaved={nothing} />,
  ],
  [
    'a firm’s visits in the liaison drawer',
    () => (
      <LiaisonVisitsDrawer
        row={{
          firmId: firm.id,
          firmName: firm.name,
          townName: firm.townName,
          industryName: firm.industryName,
          cadreId: null,
          cadreName: null,
          pairedOn: null,
          lastVisitOn: null,
          dueOn: null,
          state: null,
          daysOverdue: 0,
          actions: { logVisit: true, raise: true },
        }}
        onClose={nothing}
        onLogged={nothing}
      />
    ),
    '还没有走访记录',
  ],
  [
    'the common questions of a new survey',
    () => <SurveyFormModal survey="new" onClose={nothing} onSaved={nothing} />,
  ],
  [
    'a firm’s staff',
    () => <FirmStaffModal firm={firm} onClose={nothing} onInvited={nothing} />,
    '还没有企业账号',
  ],
  ['a request’s supervision trail', () => <SupervisionPanel requestId={id(1)} />],
  ['the inspection figures', () => <FiguresSection />, '暂无数据'],
  ['the rectifications', () => <RectificationsSection />, '暂无数据'],
  ['the items of a new inspection task', () => <TaskFormModal open onClose={nothing} onCreated={nothing} />],
  ['a visit’s findings', () => <VisitFindings visitId={id(1)} />],
  ['a learning session in the drawer', () => <SessionDrawer id={id(1)} onClose={nothing} />],
  ['the suggestions to adopt', () => <ReformAdoptModal open onClose={nothing} />],
  ['what a suggestion became', () => <SuggestionReforms suggestionId={id(1)} />],
  ['the practices that inspired a project', () => <ProjectPracticesCard projectId={id(1)} />],
];

describe('a part of a page whose data fails to load', () => {
  it.each(parts)('%s says it failed, with a retry, in its place', async (_, Part, nothing) => {
    renderRoute('/', () => <>{Part()}</>, failing);
    expect((await screen.findAllByTestId('load-retry', {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
    if (nothing) expect(screen.queryByText(nothing)).toBeNull();
  });
});

describe('a choice whose options fail to load while the rest loads', () => {
  it('the register of a session says the cadres failed, with a retry, above it', async () => {
    const studySession: components['schemas']['ReformStudySession'] = {
      id: id(1),
      title: '学习课堂',
      unitId: id(80),
      unitName: '区委改革办',
      form: 'online',
      date: '2026-11-20',
      startTime: '09:30',
      endTime: '11:00',
      place: '',
      teacher: '李老师',
      topic: '',
      attendeeCount: 1,
      attended: false,
      attendees: [{ userId: id(60), name: '王五' }],
      materials: [],
      actions: { edit: false, organise: true, attend: false },
    };
    renderRoute(
      '/',
      () => <SessionDrawer id={id(1)} onClose={nothing} />,
      async (request) =>
        new URL(request.url).pathname === `/api/v1/reforms/study/sessions/${id(1)}`
          ? json(studySession)
          : failing(request),
    );
    expect(await screen.findByTestId('load-retry', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByLabelText('参学干部名单')).toBeTruthy();
  });
});

describe('a retry', () => {
  it('asks again, and shows what the second answer brings', async () => {
    let asked = 0;
    const load = async () => {
      asked += 1;
      if (asked === 1) throw new TypeError('Failed to fetch');
      return [{ code: 'c1', name: '政策咨询', nameEn: 'Policy', sort: 1, active: true }];
    };
    renderRoute(
      '/',
      () => (
        <CatalogueEditor
          load={load}
          create={async () => undefined}
          update={async () => undefined}
          testId="catalogue"
        />
      ),
      failing,
    );
    fireEvent.click(await screen.findByTestId('load-retry', {}, { timeout: 10_000 }));
    expect(await screen.findByText('政策咨询')).toBeTruthy();
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});
