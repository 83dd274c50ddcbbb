import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/serviceWorker';
import { exposeDebugHandle } from './client/debugHandle';
import './styles.css';
import './ui/ui.css';
import './panels/panels.css';

exposeDebugHandle();
registerServiceWorker();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
