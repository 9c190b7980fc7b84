import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { metricsFromEvents } from '../engine.ts';
import { simulateEvents } from '../simulate.ts';
import { OverrideDashboard, OverrideDashboardReasons, OverrideDashboardSummary } from './index.ts';

const result = metricsFromEvents(simulateEvents({ decisions: 600, seed: 'dashboard' }));

describe('OverrideDashboard', () => {
  it('names itself and each part with headings one level below its own', () => {
    render(<OverrideDashboard result={result} locale="en" />);
    const region = screen.getByRole('region', { name: 'Reliance on AI recommendations' });
    expect(
      within(region).getByRole('heading', { level: 2, name: 'Reliance on AI recommendations' }),
    ).toBeInTheDocument();
    for (const name of [
      'Key figures',
      'Calibration of the AI',
      'Override rate by AI confidence',
      'Over time',
      'Reasons given',
      'Time to decide',
      'Use of explanations',
    ]) {
      expect(within(region).getByRole('heading', { level: 3, name })).toBeInTheDocument();
    }
    expect(region).toHaveAttribute('data-state', 'ready');
  });

  it('shows each rate with its interval and counts in the summary tiles', () => {
    render(<OverrideDashboardSummary result={result} locale="en" />);
    const override = result.override!;
    const term = screen.getByText('Override rate', { selector: 'dt' });
    const tile = term.closest('div')!;
    expect(tile).toHaveAttribute('data-state', 'value');
    expect(tile).toHaveTextContent(`${Math.round(override.rate * 100)}%`);
    expect(tile).toHaveTextContent(/95% interval \d+% to \d+%/);
    expect(tile).toHaveTextContent(
      `${override.k.toLocaleString('en-GB')} of ${override.n.toLocaleString('en-GB')}`,
    );
  });

  it('speaks German with German number formats', () => {
    render(<OverrideDashboard result={result} locale="de" />);
    expect(screen.getByRole('heading', { name: 'Verlassen auf KI-Empfehlungen' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Abweichungsrate nach KI-Konfidenz' })).toBeInTheDocument();
    expect(screen.getAllByText(/95-%-Intervall \d+ % bis \d+ %/).length).toBeGreaterThan(3);
  });

  it('shows reason texts in its own language where given, and the logged text otherwise', () => {
    render(
      <OverrideDashboardReasons
        result={result}
        locale="de"
        reasonLabels={{
          'missing-evidence': 'Nachweis fehlt',
          'urn:deliberate:reasons|other': 'Sonstiges',
          'urn:another-system|policy-exception': 'not this system',
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Begründungen' });
    const reasonOf = (code: string) =>
      within(within(table).getByRole('rowheader', { name: code }).closest('tr')!).getAllByRole('cell')[0];
    expect(reasonOf('missing-evidence')).toHaveTextContent(/^Nachweis fehlt$/);
    expect(reasonOf('other')).toHaveTextContent(/^Sonstiges$/);
    // No label for this system and code: the text logged with the decision.
    expect(reasonOf('policy-exception')).toHaveTextContent(/^Hardship rule applies$/);
  });

  it('gives every chart a table twin', () => {
    render(<OverrideDashboard result={result} locale="en" />);
    expect(screen.getByRole('table', { name: 'Override rate by AI confidence' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Calibration of the AI' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Reasons given' })).toBeInTheDocument();
  });

  it('given no finalized decisions › says so instead of drawing empty charts', () => {
    render(<OverrideDashboard result={metricsFromEvents([])} locale="en" />);
    const region = screen.getByRole('region', { name: 'Reliance on AI recommendations' });
    expect(region).toHaveAttribute('data-state', 'empty');
    expect(within(region).getByText('No data.')).toBeInTheDocument();
    expect(within(region).queryByRole('table')).toBeNull();
  });

  it('marks a rate without cases as empty rather than 0 %', () => {
    const noTruth = metricsFromEvents(
      [...simulateEvents({ decisions: 50, seed: 'x' })].filter((event) => event.type !== 'outcome.recorded'),
    );
    render(<OverrideDashboardSummary result={noTruth} locale="en" />);
    const tile = screen.getByText('Over-reliance', { selector: 'dt' }).closest('div')!;
    expect(tile).toHaveAttribute('data-state', 'empty');
    expect(tile).toHaveTextContent('no cases');
  });
});
