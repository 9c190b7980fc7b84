import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { it, expect } from 'vitest';
import { AttributionChart } from './attribution-chart.tsx';
import { housingFactors } from '../testing/fixtures.ts';

it('smoke', async () => {
  const user = userEvent.setup();
  const { container } = render(<AttributionChart factors={housingFactors} baseValue={0.3} locale="en" />);
  await user.tab();
  console.log(document.activeElement?.outerHTML.slice(0, 200));
  await user.keyboard('{ArrowDown}');
  console.log(document.activeElement?.getAttribute('aria-label'));
  console.log(screen.getByRole('tooltip').textContent);
  console.log(screen.getAllByRole('img').map((e) => e.getAttribute('aria-label')));
  console.log(screen.getByRole('group', { name: /Factor/ }).tagName);
  console.log(screen.getByRole('figure').getAttribute('aria-labelledby'));
  expect(container.innerHTML).not.toContain('NaN');
  console.log(container.innerHTML.length);
});
