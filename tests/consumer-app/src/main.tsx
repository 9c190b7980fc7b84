import '@deliberate/react/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Case, CASE_IDS, type CaseId } from './cases';

const requested = new URLSearchParams(window.location.search).get('case');
const id = CASE_IDS.find((candidate): candidate is CaseId => candidate === requested);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <h1>Wohngeld: Anspruch prüfen</h1>
    {id ? <Case id={id} /> : <p>Kein Fall gewählt: ?case=a, b, c oder d.</p>}
  </StrictMode>,
);
