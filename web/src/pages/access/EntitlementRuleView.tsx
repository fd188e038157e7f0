import type { EntitlementRule } from '../../api/types';

export function EntitlementRuleView({ title, noun, rule }: { title: string; noun: string; rule: EntitlementRule }) {
  return (
    <div data-testid={`entitlement-${noun.toLowerCase()}`}>
      <h4 className="subheading">{title}</h4>
      {rule.mode === 'all_active' ? (
        <p>Every active {noun} is allowed.</p>
      ) : rule.allowed.length === 0 ? (
        <p>Allow list is empty: no {noun} may be launched.</p>
      ) : (
        <>
          <p>Only these are allowed:</p>
          <ul className="plain-list">
            {rule.allowed.map((a) => (
              <li key={a}>
                <code>{a}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
