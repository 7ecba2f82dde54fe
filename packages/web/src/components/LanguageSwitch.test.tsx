import '../i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from './LanguageSwitch';

describe('the language switch', () => {
  it('fetches English when it is chosen and keeps the choice for the next visit', async () => {
    render(<LanguageSwitch />);
    expect(document.title).toBe('黔行');
    fireEvent.click(screen.getByText('EN'));
    await waitFor(() => expect(document.title).toBe('Qianxing'));
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('qianxing.locale')).toBe('en');
    fireEvent.click(screen.getByText('中文'));
    await waitFor(() => expect(document.title).toBe('黔行'));
    expect(localStorage.getItem('qianxing.locale')).toBe('zh-CN');
  });
});
