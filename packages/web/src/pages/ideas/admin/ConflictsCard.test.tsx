import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, sampleTown } from '../../../test-support';
import { ConflictsCard } from './ConflictsCard';

describe('an expert’s conflicts of interest', () => {
  it('lists the declared units by name and withdraws one', async () => {
    let declared = [{ unitId: sampleTown.id, name: '城东街道' }];
    const deleted: string[] = [];
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/units')
        return json([sampleTown, { ...sampleTown, id: id(6), code: 'QJ-T01', name: '正阳街道' }]);
      if (path === '/api/v1/ideas/reviews/conflicts') return json(declared);
      if (request.method === 'DELETE') {
        deleted.push(path);
        declared = [];
        return new Response(null, { status: 204 });
      }
      return notFound();
    };
    renderRoute('/admin/ideas/reviews', () => <ConflictsCard onChanged={() => undefined} />, fetch);
    // antd spaces out a two-character Chinese button label.
    expect(await screen.findByText('城东街道')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /撤\s?回/ }));
    await waitFor(() => expect(deleted).toEqual([`/api/v1/ideas/reviews/conflicts/${sampleTown.id}`]));
    expect(await screen.findByText('尚未申报回避')).toBeTruthy();
  });
});
