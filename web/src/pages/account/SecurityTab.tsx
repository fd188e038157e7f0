import { ApiTokensSection } from './ApiTokensSection';
import { SshKeysSection } from './SshKeysSection';

export function SecurityTab() {
  return (
    <div className="stack">
      <SshKeysSection />
      <ApiTokensSection />
    </div>
  );
}
