import type { MessageArgsProps, ModalFuncProps } from 'antd';
import {
  createContext,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

type Content = MessageArgsProps['content'] | MessageArgsProps;

/** What a page may say to the reader: a passing message, or a modal to confirm or warn. */
export interface Feedback {
  message: Record<'success' | 'error' | 'info' | 'warning', (content: Content) => void>;
  modal: Record<'confirm' | 'warning', (config: ModalFuncProps) => void>;
}

/** antd's message and modal APIs, once their code is loaded (FeedbackHolders). */
export interface FeedbackApis {
  message: Record<keyof Feedback['message'], (content: Content) => unknown>;
  modal: Record<keyof Feedback['modal'], (config: ModalFuncProps) => unknown>;
}

const Holders = lazy(() => import('./FeedbackHolders'));

const FeedbackContext = createContext<Feedback | null>(null);

/**
 * antd's `App` in what pages use of it, without its weight on the first load: antd's message and
 * modal code (about a tenth of the entry) loads once the page is idle, or at the first message if
 * that comes sooner; anything said before then is said as soon as it has loaded.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const apis = useRef<FeedbackApis | null>(null);
  const waiting = useRef<Array<(apis: FeedbackApis) => void>>([]);
  const [mounted, setMounted] = useState(false);

  const say = useCallback((speak: (apis: FeedbackApis) => unknown) => {
    if (apis.current) speak(apis.current);
    else {
      waiting.current.push(speak);
      setMounted(true);
    }
  }, []);

  const onReady = useCallback((ready: FeedbackApis) => {
    apis.current = ready;
    for (const speak of waiting.current.splice(0)) speak(ready);
  }, []);

  useEffect(() => {
    // Loaded when the page has nothing better to do, so the first message needs no download.
    // Cancelled if the provider goes first, so no state is set after it has gone.
    const load = () => setMounted(true);
    // Not every browser (nor jsdom) has requestIdleCallback.
    if (typeof globalThis.requestIdleCallback === 'function') {
      const handle = requestIdleCallback(load);
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(load, 1500);
    return () => clearTimeout(timer);
  }, []);

  const value = useMemo<Feedback>(
    () => ({
      message: {
        success: (content) => say((a) => a.message.success(content)),
        error: (content) => say((a) => a.message.error(content)),
        info: (content) => say((a) => a.message.info(content)),
        warning: (content) => say((a) => a.message.warning(content)),
      },
      modal: {
        confirm: (config) => say((a) => a.modal.confirm(config)),
        warning: (config) => say((a) => a.modal.warning(config)),
      },
    }),
    [say],
  );

  return (
    <FeedbackContext value={value}>
      {children}
      {mounted && (
        <Suspense fallback={null}>
          <Holders onReady={onReady} />
        </Suspense>
      )}
    </FeedbackContext>
  );
}

export function useFeedback(): Feedback {
  const feedback = useContext(FeedbackContext);
  if (!feedback) throw new Error('useFeedback needs a FeedbackProvider above it (AppProviders)');
  return feedback;
}
