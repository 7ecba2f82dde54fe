import '../../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderRoute, validationProblem } from '../../../test-support';
import { ImportSuggestions } from './ImportSuggestions';

describe('the suggestions import’s row report', () => {
  it('names each column by the header the server gives, in the reader’s words', async () => {
    const fetch = async () =>
      validationProblem([
        {
          path: 'row 5.townCode',
          message: '找不到「石会镇1」',
          code: 'unknown_choice',
          params: { value: '石会镇1', column: '所在镇街' },
        },
      ]);
    renderRoute('/admin/ideas/screening', () => <ImportSuggestions onImported={() => {}} />, fetch);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'suggestions.xlsx')] } });
    const dialog = await screen.findByRole('dialog');
    const row = within(dialog).getByText('所在镇街').closest('tr')!;
    expect(row.textContent).toContain('5');
    expect(row.textContent).toContain('找不到「石会镇1」');
    expect(within(dialog).queryByText('townCode')).toBeNull();
  });

  it('names the rows it skipped as the same as ones imported before', async () => {
    const fetch = async () => json({ created: 2, skipped: 2, skippedRows: [4, 7] });
    renderRoute('/admin/ideas/screening', () => <ImportSuggestions onImported={() => {}} />, fetch);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'suggestions.xlsx')] } });
    expect(
      await screen.findByText('已导入 2 条，跳过 2 条（第 4、7 行与此前导入的或文件中前面的行相同）'),
    ).toBeTruthy();
  });
});
