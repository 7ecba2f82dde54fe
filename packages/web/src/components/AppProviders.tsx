import type { ReactNode } from 'react';
import { SessionProvider } from '../session/SessionContext';
import { FeedbackProvider } from './Feedback';
import '../theme/global.css';

/**
 * Messages and modals (Feedback) and the session. antd's configuration is not here but in
 * `AntdScope`, which the parts that use antd load with their code.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <FeedbackProvider>
      <SessionProvider>{children}</SessionProvider>
    </FeedbackProvider>
  );
}
