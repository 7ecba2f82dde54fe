import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { json, notFound, officeSession, renderRoute } from '../../test-support';
import { ScorecardSettingsButton } from './ScorecardSettingsButton';

type Settings = components['schemas']['BusinessScorecardSettings'];

const settings: Settings = {
  deadlineWorkdays: 5,
  weights: { response: 40, resolution: 30, satisfaction: 30, survey: 0 },
  goodFrom: 90,
  poorBelow: 70,
  ratingWorkdays: 10,
};

/** The button on a page, the server's settings behind it; answers what each save sent. */
function renderSettings(refusal?: unknown) {
  const saved: unknown[] = [];
  renderRoute('/admin/business/requests', ScorecardSettingsButton, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(officeSession);
    if (path === '/api/v1/business/scorecard/settings') {
      if (request.method === 'PUT') {
        const body = (await request.json()) as Settings;
        saved.push(body);
        return refusal ? json(refusal, 400) : json(body);
      }
      return json(settings);
    }
    return notFound();
  });
  return saved;
}

/** Opens the dialog; answers its rating-period field. */
async function ratingPeriodField() {
  fireEvent.click(await screen.findByTestId('scorecard-settings'));
  const field = (await screen.findByLabelText(
    '评价期（工作日，答复后企业未评价即按未评价办结）',
  )) as HTMLInputElement;
  await waitFor(() => expect(field.value).toBe('10'));
  return field;
}

const type = (field: HTMLInputElement, value: string) => {
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
};
const save = () => fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));

describe('the scorecard settings’ rating period', () => {
  it('saves a period of 1 to 60 working days with the other settings', async () => {
    const saved = renderSettings();
    type(await ratingPeriodField(), '15');
    save();
    await waitFor(() => expect(saved).toEqual([{ ...settings, ratingWorkdays: 15 }]));
    expect(await screen.findByText('晾晒设置已保存')).toBeTruthy();
  });

  it('asks for one, and sends nothing while it is empty', async () => {
    const saved = renderSettings();
    type(await ratingPeriodField(), '');
    save();
    expect(await screen.findByText('必填')).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it.each([
    ['0', '1'],
    ['61', '60'],
    ['2.5', '3'],
  ])('takes no %s working days: the field holds %s', async (typed, held) => {
    const saved = renderSettings();
    const field = await ratingPeriodField();
    type(field, typed);
    save();
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(field.value).toBe(held);
    expect(saved[0]).toMatchObject({ ratingWorkdays: Number(held) });
  });

  it('shows the server’s refusal under the field, the dialog left open', async () => {
    renderSettings({
      type: 'about:blank',
      title: 'Invalid input',
      status: 400,
      code: 'VALIDATION',
      errors: [
        {
          path: 'ratingWorkdays',
          message: 'Too big',
          code: 'too_big',
          params: { origin: 'number', maximum: 60 },
        },
      ],
    });
    type(await ratingPeriodField(), '12');
    save();
    expect(await screen.findByText('不能大于 60')).toBeTruthy();
    expect(screen.getByLabelText('评价期（工作日，答复后企业未评价即按未评价办结）')).toBeTruthy();
  });
});

describe('the scorecard settings’ tiers', () => {
  /** Opens the dialog; answers its two cut-off fields once the settings are in. */
  async function tierFields() {
    fireEvent.click(await screen.findByTestId('scorecard-settings'));
    const good = (await screen.findByLabelText('“好”的分数线（含）')) as HTMLInputElement;
    const poor = screen.getByLabelText('“差”的分数线（低于）') as HTMLInputElement;
    await waitFor(() => expect(poor.value).toBe('70'));
    return { good, poor };
  }

  it('says before sending that the cut-off of poor may not be above that of good', async () => {
    const saved = renderSettings();
    const { poor } = await tierFields();
    type(poor, '95');
    save();
    expect(await screen.findByText('“差”的分数线不能高于“好”的分数线')).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it('takes the two cut-offs equal, as the server does', async () => {
    const saved = renderSettings();
    const { poor } = await tierFields();
    type(poor, '90');
    save();
    await waitFor(() => expect(saved).toEqual([{ ...settings, poorBelow: 90 }]));
  });

  it('checks again when the cut-off of good moves, and sends once they are in order', async () => {
    const saved = renderSettings();
    const { good, poor } = await tierFields();
    type(good, '60');
    save();
    expect(await screen.findByText('“差”的分数线不能高于“好”的分数线')).toBeTruthy();
    type(poor, '50');
    save();
    await waitFor(() => expect(saved).toEqual([{ ...settings, goodFrom: 60, poorBelow: 50 }]));
  });
});
