import type { ReactNode } from 'react';

/** The band at the top of every screen: its title, then whatever the screen puts on the right. */
export function TopBar({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="top-bar">
      <h1>{title}</h1>
      {children}
    </header>
  );
}
