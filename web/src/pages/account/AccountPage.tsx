import { Route, Routes } from 'react-router-dom';
import { groupRoute } from '../../routes';
import { SectionedPage } from '../SectionedPage';
import { BillingTab } from './BillingTab';
import { ProfileTab } from './ProfileTab';
import { SecurityTab } from './SecurityTab';
import { SessionsTab } from './SessionsTab';

const route = groupRoute('account');

/** /account, /account/security, /account/sessions, /account/billing */
export function AccountPage() {
  return (
    <SectionedPage route={route}>
      <Routes>
        <Route index element={<ProfileTab />} />
        <Route path="security" element={<SecurityTab />} />
        <Route path="sessions" element={<SessionsTab />} />
        <Route path="billing" element={<BillingTab />} />
        <Route path="*" element={null} />
      </Routes>
    </SectionedPage>
  );
}
