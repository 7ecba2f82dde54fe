import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A narrow card for the account forms: full width on a phone, centred on a desk. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card title={title} style={{ maxWidth: 440, margin: '8px auto' }}>
      {children}
    </Card>
  );
}
