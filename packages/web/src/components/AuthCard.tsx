import { Card } from 'antd';
import type { ReactNode } from 'react';

/**
 * A narrow card for the account forms: full width on a phone, centred on a desk. Its title is the
 * page's heading, which also names the browser tab (useHeadingTitle).
 */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card
      title={<h1 style={{ font: 'inherit', margin: 0, whiteSpace: 'normal' }}>{title}</h1>}
      style={{ maxWidth: 440, margin: '8px auto' }}
    >
      {children}
    </Card>
  );
}
