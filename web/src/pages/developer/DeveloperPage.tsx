import { Route, Routes } from 'react-router-dom';
import { utilityRoute } from '../../routes';
import { SectionedPage } from '../SectionedPage';
import { ApiReference } from './ApiReference';
import { Downloads } from './Downloads';
import { Guides } from './Guides';

const route = utilityRoute('/developer');

/** /developer (API reference), /developer/downloads and /developer/docs: the help menu's pages. */
export function DeveloperPage() {
  return (
    <SectionedPage route={route}>
      <Routes>
        <Route index element={<ApiReference />} />
        <Route path="downloads" element={<Downloads />} />
        <Route path="docs" element={<Guides />} />
        <Route path="*" element={null} />
      </Routes>
    </SectionedPage>
  );
}
