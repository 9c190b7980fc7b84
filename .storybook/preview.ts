import type { Preview } from '@storybook/react-vite';
import { registerCatalogue } from '@deliberate/react';
import { en } from '@deliberate/react/locales/en';
import './preview.css';

// German is built in; the locale toolbar switches to English, registered up front so that every
// story renders at once in either language (docs/architecture.md §1, "Locales and bundle size").
registerCatalogue(en);

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Any axe violation fails the story's test, in Storybook's UI and in `pnpm test`.
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Introduction', 'Guides', 'Core', 'Components', 'Charts', 'Examples', 'Evaluators'],
      },
    },
  },
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'de', theme: 'light' },
  decorators: [
    (Story, context) => {
      const theme = String(context.globals['theme'] ?? 'light');
      const locale = String(context.globals['locale'] ?? 'de');
      if (typeof document !== 'undefined') {
        document.documentElement.dataset['theme'] = theme;
        document.documentElement.lang = locale;
      }
      return Story();
    },
  ],
};

export default preview;
