import type { ReactNode } from 'react';
import { useDocumentTitle } from '../useDocumentTitle';

/** Centered card for the public pages (sign in, sign up); no rail, no top bar. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <main id="main" className="auth">
      <div className="auth__card">
        <p className="auth__brand">GPUaaS</p>
        <h1 className="auth__title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
