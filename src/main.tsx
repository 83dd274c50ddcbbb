import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/serviceWorker';
import { exposeTestHandle } from './client/testHooks';
import './styles.css';
import './ui/ui.css';
import './panels/panels.css';

if (__VAE_TEST_HOOKS__) exposeTestHandle();
registerServiceWorker();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
