import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Names the browser tab after the page's first heading, "评论审核 - 黔行", as WCAG 2.4.2 (page
 * titled) asks: every tab read "黔行", so a list of tabs, the history and a screen reader's first
 * words told pages apart by nothing. Pages load their words and data after the frame, so the
 * title follows the heading as it appears or changes (a MutationObserver: no library watches a
 * subtree's first heading, and this is a dozen lines).
 */
/** A heading's words without the tags beside them (a project's 已完成): a title names the page. */
function headingText(heading: Element | null): string | undefined {
  if (!heading) return undefined;
  const words = heading.cloneNode(true) as Element;
  for (const tag of words.querySelectorAll('.ant-tag')) tag.remove();
  return words.textContent?.replace(/\s+/g, ' ').trim();
}

export function useHeadingTitle(content: HTMLElement | null) {
  const { t } = useTranslation();
  const site = t('common.appName');
  useEffect(() => {
    if (!content) return;
    const update = () => {
      const heading = headingText(content.querySelector('h1, h2, h3, h4'));
      const title = heading && heading !== site ? `${heading} - ${site}` : site;
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(content, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = site;
    };
  }, [content, site]);
}
