import path from 'node:path';
import { runInBrowser } from './browser.ts';
import { bundleSize } from './sizes.bench.ts';
import type { BenchSuite } from './types.ts';

interface MountResult {
  n: number;
  rounds: number;
  plainMs: number;
  judgeFirstMs: number;
  immediateMs: number;
  staticDomMs: number;
  elements: { screen: number };
}

const root = path.resolve(import.meta.dirname, '..');

export const react: BenchSuite = {
  name: 'decision screen',
  async run() {
    const size = await bundleSize(path.join(root, 'bench/pages/decision-screen-entry.ts'), [
      'react',
      'react/*',
      'react-dom',
      'react-dom/*',
    ]);
    const mount = await runInBrowser<MountResult>(path.join(root, 'bench/pages/mount.tsx'), {
      timeoutMs: 300_000,
    });
    const kb = size.gzip / 1000;
    const judgeFirstRatio = mount.judgeFirstMs / mount.plainMs;
    const immediateRatio = mount.immediateMs / mount.plainMs;
    const baseline = { name: `${mount.n} plain cards`, value: Number(mount.plainMs.toFixed(1)) };
    return [
      {
        suite: 'decision screen',
        name: 'DecisionScreen with all parts (min+gz, React external)',
        value: Number(kb.toFixed(2)),
        unit: 'KB',
        target: '≤ 45 KB',
        pass: kb <= 45,
        note: `${(size.bytes / 1000).toFixed(1)} KB minified; includes @deliberate/core and radix-ui parts used`,
      },
      {
        suite: 'decision screen',
        name: `mount ${mount.n} DecisionScreens, judge first (default policy, high stakes)`,
        value: Number(mount.judgeFirstMs.toFixed(1)),
        unit: 'ms',
        baseline,
        ratio: Number(judgeFirstRatio.toFixed(2)),
        target: '≤ 1.5×',
        pass: judgeFirstRatio <= 1.5,
        note: `Chromium, production build, flushSync, median of ${mount.rounds} alternating rounds`,
      },
      {
        suite: 'decision screen',
        name: `mount ${mount.n} DecisionScreens, AI shown at once (low stakes)`,
        value: Number(mount.immediateMs.toFixed(1)),
        unit: 'ms',
        baseline,
        ratio: Number(immediateRatio.toFixed(2)),
        target: '≤ 1.5×',
        pass: immediateRatio <= 1.5,
        note: 'same run; the reveal happens in an effect after mount and is not timed',
      },
      {
        suite: 'decision screen',
        name: `mount ${mount.n} static copies of the judge-first screen's DOM (no components)`,
        value: Number(mount.staticDomMs.toFixed(1)),
        unit: 'ms',
        baseline,
        ratio: Number((mount.staticDomMs / mount.plainMs).toFixed(2)),
        note: `same run; the ${mount.elements.screen} elements alone, as plain React elements: the floor for any screen with this DOM`,
      },
    ];
  },
};
