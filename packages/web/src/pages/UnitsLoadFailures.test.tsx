import '../i18n';
import { screen, within } from '@testing-library/react';
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  id,
  json,
  officeSession,
  publicCampaign,
  renderRoute,
  sampleTown,
  unavailable,
} from '../test-support';
import { ProjectFormModal as InvestmentProjectFormModal } from './business/projects/ProjectFormModal';
import { ListEditor } from './ideas/admin/ListEditor';
import { ShortlistQuotaForm } from './ideas/admin/ShortlistQuotaForm';
import { CommentForm } from './ideas/CommentForm';
import { TaskFormModal } from './inspections/TaskFormModal';
import { BattleFormModal } from './reforms/BattleEditors';
import { SessionFormModal } from './reforms/learning/SessionFormModal';
import { VisitFormModal } from './reforms/learning/VisitFormModal';
import { ProjectFormModal } from './reforms/ProjectFormModal';
import { GrantsField } from './users/GrantsField';

/**
 * A form whose units (or campaign) fail to load while the rest of it loads: it says so above the
 * choice, with a retry, rather than offer no unit (or no domain) with nothing said.
 */

const CAMPAIGN = '/api/v1/public/campaign';
const UNITS = '/api/v1/units';
const session = officeSession;
const draftLists = (['golden_idea', 'good_idea', 'hard_problem'] as const).map((kind) => ({
  id: null,
  kind,
  publishedAt: null,
  entries: [],
  withdrawals: [],
  actions: { save: true, publish: false, withdraw: false },
}));

/** What a working server answers to the paths these forms ask. */
const sensible: Record<string, () => Response> = {
  '/api/v1/auth/session': () => json(session),
  [CAMPAIGN]: () => json(publicCampaign({ listSizes: { golden_idea: 10 } })),
  [UNITS]: () => json([sampleTown]),
  '/api/v1/inspections/items': () => json({ total: 0, items: [] }),
  '/api/v1/business/project-commissioners': () => json([]),
  '/api/v1/ideas/lists': () => json(draftLists),
  '/api/v1/ideas/lists/golden_idea/candidates': () => json([]),
};

/** The paths asked that the fake server does not know: none, so that the one failure is `down`. */
let unknown: string[] = [];
afterEach(() => {
  expect(unknown).toEqual([]);
  unknown = [];
});

const allBut =
  (down: string) =>
  async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === down) return unavailable();
    const answer = sensible[path];
    if (!answer) unknown.push(path);
    return answer?.() ?? unavailable();
  };

const nothing = () => {};

const forms: Array<[string, () => ReactNode, string]> = [
  [
    'a reform project’s lead unit',
    () => <ProjectFormModal open project={null} lists={[]} assign onClose={nothing} onSaved={nothing} />,
    UNITS,
  ],
  [
    'a battle’s lead unit',
    () => <BattleFormModal battle="new" count={0} onClose={nothing} onSaved={nothing} />,
    UNITS,
  ],
  ['a study visit’s unit', () => <VisitFormModal visit={null} onClose={nothing} onSaved={nothing} />, UNITS],
  [
    'a study session’s unit',
    () => <SessionFormModal session={null} onClose={nothing} onSaved={nothing} />,
    UNITS,
  ],
  [
    'an investment project’s lead unit',
    () => <InvestmentProjectFormModal project={null} chains={[]} onClose={nothing} onSaved={nothing} />,
    UNITS,
  ],
  [
    'an inspection task’s departments',
    () => <TaskFormModal open onClose={nothing} onCreated={nothing} />,
    UNITS,
  ],
  [
    'a user’s grants',
    () => (
      <Form initialValues={{ roles: [{}] }}>
        <GrantsField />
      </Form>
    ),
    UNITS,
  ],
  ['a comment’s town', () => <CommentForm suggestionId={id(1)} />, UNITS],
  [
    'the shortlist quota',
    () => <ShortlistQuotaForm domains={[]} quota={{ perDomain: 20, byDomain: {} }} onSaved={nothing} />,
    CAMPAIGN,
  ],
  ['an honour list’s size', () => <ListEditor kind="golden_idea" />, CAMPAIGN],
];

describe('a form whose units or campaign fail to load while the rest loads', () => {
  it.each(forms)('%s says so, with a retry', async (_, Part, down) => {
    renderRoute('/admin', () => <>{Part()}</>, allBut(down));
    const alert = (await screen.findByText('加载失败，请稍后重试', {}, { timeout: 10_000 })).closest(
      '[role=alert]',
    ) as HTMLElement;
    expect(within(alert).getByTestId('load-retry')).toBeTruthy();
  });
});
