import { useState } from 'react';

interface SecretPanelProps {
  /** e.g. "Token ci-deploy created". */
  title: string;
  secret: string;
  onDismiss: () => void;
}

/**
 * Shows a freshly created secret exactly once. The parent drops the secret
 * from its state on dismiss, so it is gone from the page for good.
 */
export function SecretPanel({ title, secret, onDismiss }: SecretPanelProps) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copySecret() {
    try {
      if (!navigator.clipboard) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section className="secret-panel" aria-labelledby="secret-panel-title" data-testid="secret-panel">
      <h3 id="secret-panel-title" className="secret-panel__title">
        {title}
      </h3>
      <p className="secret-panel__warning">
        Copy this secret now. It will not be shown again: the server stores only a hash of it.
      </p>
      <code className="secret-panel__value" data-testid="secret-value">
        {secret}
      </code>
      <div className="secret-panel__actions">
        <button type="button" className="button" onClick={copySecret}>
          Copy secret
        </button>
        <button type="button" className="button button--ghost" onClick={onDismiss}>
          Dismiss
        </button>
        <span className="secret-panel__status" aria-live="polite">
          {copy === 'copied' && 'Copied to the clipboard.'}
          {copy === 'failed' && 'Copy failed: select the secret and copy it by hand.'}
        </span>
      </div>
    </section>
  );
}
