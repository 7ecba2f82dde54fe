import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { useFeedback } from './Feedback';

/**
 * Warns before leaving a form with unsaved changes: a confirmation inside the app (links, back
 * button) and the browser's own prompt on reload or closing the tab.
 */
export function useLeaveGuard(dirty: boolean) {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  // The blocker object changes on every render; the dialog opens once per blocked navigation.
  const current = useRef(blocker);
  current.current = blocker;
  const asking = useRef(false);
  useEffect(() => {
    // One dialog at a time: a new one only once the person has answered the last.
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('common.unsaved.title'),
      content: t('common.unsaved.body'),
      okText: t('common.unsaved.leave'),
      cancelText: t('common.unsaved.stay'),
      okButtonProps: { danger: true },
      onOk: () => {
        asking.current = false;
        current.current.proceed?.();
      },
      onCancel: () => {
        asking.current = false;
        current.current.reset?.();
      },
    });
  }, [blocker.state, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium-based browsers still in use ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
