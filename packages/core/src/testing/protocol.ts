import { expect } from 'vitest';
import { DecisionEventDraftSchema } from '../events/schema.ts';
import type { DecisionEventDraft } from '../events/schema.ts';
import { SALT, T0, makeInit } from '../protocol/fixtures.ts';
import { decide, initDecision } from '../protocol/reducer.ts';
import type {
  DecisionAction,
  DecisionInit,
  DecisionState,
  ProtocolError,
  ProtocolErrorCode,
} from '../protocol/types.ts';

/*
 * Small helpers for the protocol's tests (test-only; this folder is excluded from the build):
 * open a decision, apply actions that must succeed or must be refused, and check every event
 * against the event contract (docs/contracts.md §3.2).
 */

/** Expects every event to be a valid draft of the event contract. */
export function expectContractEvents(events: readonly DecisionEventDraft[]): void {
  for (const event of events) {
    const parsed = DecisionEventDraftSchema.safeParse(event);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  }
}

/** Opens a decision with `makeInit(overrides)` at `T0`, checking its events. */
export function openDecision(overrides: Partial<DecisionInit> = {}): {
  state: DecisionState;
  events: DecisionEventDraft[];
} {
  const opened = initDecision(makeInit(overrides), T0);
  expectContractEvents(opened.events);
  return opened;
}

/** A commit without a salt gets the fixed test salt, as `createDecisionStore` gives it a fresh one. */
export function withSalt(action: DecisionAction): DecisionAction {
  return action.type === 'commit' && action.salt === undefined ? { ...action, salt: SALT } : action;
}

/** Applies `action` `atMs` after `T0`; it must succeed with contract-valid events. */
export function step(
  state: DecisionState,
  action: DecisionAction,
  atMs = 0,
): { state: DecisionState; events: DecisionEventDraft[] } {
  const result = decide(state, withSalt(action), T0 + atMs);
  if (!result.ok) throw new Error(`unexpected refusal: ${JSON.stringify(result.error)}`);
  expectContractEvents(result.events);
  return { state: result.state, events: result.events };
}

/** Applies the actions one after another (all `atMs` after `T0`), returning the last state. */
export function walk(state: DecisionState, actions: readonly DecisionAction[], atMs = 0): DecisionState {
  return actions.reduce((current, action) => step(current, action, atMs).state, state);
}

/** Expects `action` to be refused with `code`, leaving the state untouched and logging nothing. */
export function expectRefused(
  state: DecisionState,
  action: DecisionAction,
  code: ProtocolErrorCode,
  atMs = 0,
): ProtocolError {
  const before = JSON.stringify(state);
  const result = decide(state, withSalt(action), T0 + atMs);
  if (result.ok) throw new Error(`expected a refusal with ${code}, got ${JSON.stringify(result.events)}`);
  expect(result.error.code).toBe(code);
  expect(result.error.state).toBe(state.status);
  expect(result.error.action).toBe(action.type);
  expect(result.error.message).toMatch(/\w.*\.$/);
  expect(result.state).toBe(state);
  expect(result.events).toEqual([]);
  expect(JSON.stringify(state)).toBe(before);
  return result.error;
}
