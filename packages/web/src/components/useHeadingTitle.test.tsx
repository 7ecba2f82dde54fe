import '../i18n';
import { act, render, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../i18n';
import { useHeadingTitle } from './useHeadingTitle';

/** A page whose heading comes with its data, a moment after the frame. */
function Page() {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setTitle('评论审核'), 20);
    return () => clearTimeout(timer);
  }, []);
  return title ? <h3>{title}</h3> : <p>…</p>;
}

function Frame() {
  const [content, setContent] = useState<HTMLElement | null>(null);
  useHeadingTitle(content);
  return (
    <main ref={setContent}>
      <Page />
    </main>
  );
}

/** A heading with a tag beside its words, as a reform project's page has its state. */
function Tagged() {
  const [content, setContent] = useState<HTMLElement | null>(null);
  useHeadingTitle(content);
  return (
    <main ref={setContent}>
      <h2>
        深化“放管服”改革 <span className="ant-tag">已完成</span>
      </h2>
    </main>
  );
}

describe('the tab’s title', () => {
  it('names the page by its heading once it shows, then the site; the site alone before', async () => {
    const { unmount } = render(<Frame />);
    expect(document.title).toBe('黔行');
    await waitFor(() => expect(document.title).toBe('评论审核 - 黔行'));
    await act(() => changeLocale('en'));
    await waitFor(() => expect(document.title).toBe('评论审核 - Qianxing'));
    await act(() => changeLocale('zh-CN'));
    unmount();
    expect(document.title).toBe('黔行');
  });

  it("leaves out the tags beside a heading, as a project's state", () => {
    const { unmount } = render(<Tagged />);
    expect(document.title).toBe('深化“放管服”改革 - 黔行');
    unmount();
  });
});
