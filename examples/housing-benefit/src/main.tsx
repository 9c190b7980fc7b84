import '@deliberate/react/styles.css';
import '@deliberate/charts/charts.css';
import '@deliberate/analytics/dashboard.css';
import './app.css';
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { App } from './App.tsx';
import { buildQueue } from './cases.ts';
import { createAppLog } from './log.ts';

const env = import.meta.env;
const log = createAppLog({
  collectorUrl: env['VITE_COLLECTOR_URL'] as string | undefined,
  collectorToken: env['VITE_COLLECTOR_TOKEN'] as string | undefined,
});

// Dev and test builds (`vite build --mode test`) expose the recorded events read-only, for the
// browser test and for people trying the example; production builds do not.
if (env.DEV || env.MODE === 'test') {
  Object.defineProperty(window, '__deliberateEvents', {
    get: () => Object.freeze([...log.memory.events.get()]),
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App
      cases={buildQueue()}
      logger={log.logger}
      readEvents={log.readEvents}
      collectorUrl={log.collectorUrl}
    />
  </StrictMode>,
);
