import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from './components/AppProviders';
import { i18nReady } from './i18n';
import { createAppRouter } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render waits for the reader's language, so no page paints in the wrong one.
void i18nReady.then(() => {
  createRoot(root).render(
    <AppProviders>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>,
  );
});
