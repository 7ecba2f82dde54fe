import type { ReactNode } from 'react';

const look = { font: 'inherit', margin: 0, whiteSpace: 'normal' } as const;

/**
 * A card's or a result's title as the page's heading, in the look antd gives the title: a screen
 * reader finds the page by it, and it names the browser tab (useHeadingTitle).
 */
export function TitleHeading({ children }: { children: ReactNode }) {
  return <h1 style={look}>{children}</h1>;
}
