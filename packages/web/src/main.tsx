import './i18n';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './components/AppProviders';
import { createAppRouter } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <AppProviders>
    <RouterProvider router={createAppRouter()} />
  </AppProviders>,
);
