import { describe, expect, it } from 'vitest';
import { explanationModel, viewedPanels } from './explanation-model.ts';
import { EXPLANATION_PANELS, readExplanation } from './validate.ts';

const factors = {
  baseValue: 0.5,
  prediction: 0.8,
  items: [{ id: 'income', label: 'Income', contribution: 0.3 }],
};
const data = readExplanation({ explanation: { factors }, model: { id: 'm', version: '1' } });
const order = EXPLANATION_PANELS;

describe('explanationModel', () => {
  it('shows nothing before the reveal and nothing without the AI, whatever the data', () => {
    expect(explanationModel({ aiUnavailable: false, revealed: false, data, order })).toMatchObject({
      state: 'unavailable',
      reason: 'before-reveal',
    });
    expect(explanationModel({ aiUnavailable: true, revealed: true, data, order })).toMatchObject({
      state: 'unavailable',
      reason: 'ai-unavailable',
    });
  });

  it('lists the panels with data in the given order and names those the AI system sent nothing for', () => {
    const model = explanationModel({ aiUnavailable: false, revealed: true, data, order });
    expect(model).toMatchObject({ state: 'available', reason: null, panels: ['factors', 'model'] });
    expect(model.notProvided).toEqual(['evidence', 'counterfactuals', 'similar-cases', 'detail']);
    expect(
      explanationModel({ aiUnavailable: false, revealed: true, data, order: ['model', 'factors'] }).panels,
    ).toEqual(['model', 'factors']);
  });

  it('says "not provided" when there is nothing at all, and "invalid" when a part could not be read', () => {
    const empty = readExplanation({ explanation: undefined });
    expect(explanationModel({ aiUnavailable: false, revealed: true, data: empty, order })).toMatchObject({
      state: 'unavailable',
      reason: 'not-provided',
    });
    const broken = readExplanation({ explanation: { factors: { items: 'nope' } } });
    expect(explanationModel({ aiUnavailable: false, revealed: true, data: broken, order })).toMatchObject({
      state: 'invalid',
      panels: ['factors'],
    });
    const notAnObject = readExplanation({ explanation: 'text' });
    expect(explanationModel({ aiUnavailable: false, revealed: true, data: notAnObject, order }).state).toBe(
      'invalid',
    );
  });
});

describe('viewedPanels', () => {
  it('counts only listed panels, and none while the explanation is not shown', () => {
    const shown = explanationModel({ aiUnavailable: false, revealed: true, data, order });
    expect(viewedPanels(['model', 'evidence', 'factors'], shown)).toEqual(['model', 'factors']);
    const hidden = explanationModel({ aiUnavailable: false, revealed: false, data, order });
    expect(viewedPanels(['factors'], hidden)).toEqual([]);
  });
});
