import { Route, Routes } from 'react-router-dom';
import { OperationDetailPage } from './OperationDetailPage';
import { OperationsListPage } from './OperationsListPage';

/** /operations (the caller's operations) and /operations/:id (one operation). */
export function OperationsPage() {
  return (
    <Routes>
      <Route index element={<OperationsListPage />} />
      <Route path=":operationId" element={<OperationDetailPage />} />
    </Routes>
  );
}
