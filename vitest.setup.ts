import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { registerCatalogue } from '@deliberate/react';
import { en } from '@deliberate/react/locales/en';

afterEach(() => {
  cleanup();
});

// German is built in; tests render `locale="en"` too, so English is registered up front, as a host
// can (loading on demand is tested in packages/react/src/i18n/context.test.tsx).
registerCatalogue(en);
