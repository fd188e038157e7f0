import { useState, type FormEvent } from 'react';
import { setEntitlements } from '../../api/limits';
import type { EntitlementMode, EntitlementRule, EntitlementRules, Entitlements } from '../../api/types';
import { FormError } from '../../components/FormError';
import { useAction } from '../../hooks/useAction';
import { EntitlementRuleFields } from './EntitlementRuleFields';

interface Draft {
  mode: EntitlementMode;
  allowed: string;
}

const toDraft = (r: EntitlementRule): Draft => ({ mode: r.mode, allowed: r.allowed.join('\n') });
const toRule = (d: Draft): EntitlementRule => ({
  mode: d.mode,
  allowed:
    d.mode === 'allow_list'
      ? Array.from(new Set(d.allowed.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean)))
      : [],
});

/** Platform admins: edit both rules and PUT them together. */
export function EntitlementsForm({
  projectId,
  initial,
  onSaved,
}: {
  projectId: string;
  initial: EntitlementRules;
  onSaved: (saved: Entitlements) => void;
}) {
  const [skus, setSkus] = useState(toDraft(initial.skus));
  const [apps, setApps] = useState(toDraft(initial.apps));
  const [saved, setSaved] = useState(false);
  const action = useAction();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const result = await action.run(() => setEntitlements(projectId, { skus: toRule(skus), apps: toRule(apps) }));
    if (result.ok) {
      setSaved(true);
      onSaved(result.value);
    }
  }

  return (
    <form className="form form--bordered" onSubmit={onSubmit} noValidate aria-label="Edit entitlements">
      <h4 className="subheading">Edit entitlements (platform admin)</h4>
      <div className="columns">
        <EntitlementRuleFields legend="GPU SKUs" name="skus" draft={skus} onChange={setSkus} error={action.error} />
        <EntitlementRuleFields legend="Apps" name="apps" draft={apps} onChange={setApps} error={action.error} />
      </div>
      <FormError error={action.error} fields={['skus', 'apps']} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={action.pending}>
          {action.pending ? 'Saving…' : 'Save entitlements'}
        </button>
        <span role="status" className="form__status">
          {saved && 'Entitlements saved.'}
        </span>
      </div>
    </form>
  );
}
