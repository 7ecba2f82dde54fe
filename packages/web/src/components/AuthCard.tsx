import { Card } from 'antd';
import type { ReactNode } from 'react';
import { TitleHeading } from './TitleHeading';

/**
 * A narrow card for the account forms: full width on a phone, centred on a desk. Its title is the
 * page's heading, which also names the browser tab (useHeadingTitle).
 */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card title={<TitleHeading>{title}</TitleHeading>} style={{ maxWidth: 440, margin: '8px auto' }}>
      {children}
    </Card>
  );
}
