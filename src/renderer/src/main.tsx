// Sets up React refresh from the bundle in development: the HTML's inline preamble is blocked by
// the CSP (script-src 'self'). In a production build this module is empty.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startEventBridge } from './store/event-bridge';
import './styles/base.css';
import './styles/controls.css';
import './styles/panels.css';
import './styles/views.css';
import './styles/users-table.css';

startEventBridge();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
