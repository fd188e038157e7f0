import { Route, Routes } from 'react-router-dom';
import { groupRoute } from '../../routes';
import { SectionedPage } from '../SectionedPage';
import { CredentialsTab } from './CredentialsTab';
import { EntitlementsTab } from './EntitlementsTab';
import { MembershipsTab } from './MembershipsTab';
import { QuotasTab } from './QuotasTab';
import { ServiceAccountsTab } from './ServiceAccountsTab';

const route = groupRoute('access');

/** /access (memberships), /access/service-accounts, /credentials, /quotas, /entitlements */
export function AccessPage() {
  return (
    <SectionedPage route={route}>
      <Routes>
        <Route index element={<MembershipsTab />} />
        <Route path="service-accounts" element={<ServiceAccountsTab />} />
        <Route path="credentials" element={<CredentialsTab />} />
        <Route path="quotas" element={<QuotasTab />} />
        <Route path="entitlements" element={<EntitlementsTab />} />
        <Route path="*" element={null} />
      </Routes>
    </SectionedPage>
  );
}
