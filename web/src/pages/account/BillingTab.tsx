import { PendingState } from '../PendingState';

export function BillingTab() {
  return (
    <PendingState
      label="Balance & billing"
      capabilities={['Prepaid balance', 'Per-second metering of workloads and apps', 'Top-ups and invoices']}
    />
  );
}
