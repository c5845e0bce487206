import type { ReactNode } from 'react'

/** What a screen shows when it has nothing yet: what it is for and how to fill it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  )
}
