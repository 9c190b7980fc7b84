import type { DecisionEventDraft, FrictionPlan } from '@deliberate/core';
import { fromCdsHooksCard } from '@deliberate/core/adapters';
import { createCdsHooksFeedbackSink, createLogger, createMemorySink } from '@deliberate/log';
import { DecisionProvider, DecisionScreen } from '@deliberate/react';
import '@deliberate/react/styles.css';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { cdsHooksCard } from '../fixtures/recommendations.ts';

/*
 * Any AI recommendation can be wrapped: here a CDS Hooks 2.0 service response (a card with two
 * suggestions and the service's override reasons) goes through `fromCdsHooksCard`, the person
 * decides on Deliberate's screen, and the logger's CDS Hooks feedback sink posts the outcome to
 * `{baseUrl}/cds-services/{id}/feedback`. The fetch is a fake that records the POST and shows it.
 */

const BASE_URL = 'https://cds.example.org/r4';
const SERVICE_ID = 'diabetes-hba1c';

/** The service's response to the `order-select` hook, as received. */
const response = { cards: [cdsHooksCard] };
const card = response.cards[0]!;

/** Cards carry no model identity or confidence; the integrator adds what it knows. */
const converted = fromCdsHooksCard(card, {
  confidence: 0.78,
  calibrated: false,
  model: { id: 'diabetes-cds', version: '2025.1' },
});

/** High stakes, judge first, a reason for every outcome; no wait so the play function is quick. */
const plan: FrictionPlan = {
  policyId: 'storybook',
  policyVersion: '1',
  rule: 'cds-example',
  stakes: 'high',
  band: 'uncalibrated',
  arm: 'ai',
  audit: false,
  reveal: 'after-judgement',
  justification: 'always',
  minOwnTimeMs: 0,
  checklist: [],
};

interface Post {
  url: string;
  body: unknown;
}

function CdsHooksExample() {
  const [posts, setPosts] = useState<Post[]>([]);
  const [events, setEvents] = useState<DecisionEventDraft[]>([]);
  const [logger] = useState(() =>
    createLogger({
      // Stories use made-up, already pseudonymous ids.
      pseudonymize: false,
      sinks: [
        createMemorySink(),
        createCdsHooksFeedbackSink({
          baseUrl: BASE_URL,
          serviceId: SERVICE_ID,
          // Accepting applies the recommended suggestion; the card's uuid identifies the card.
          cardFor: () => ({ card: card.uuid, acceptedSuggestions: ['order-hba1c'] }),
          fetch: async (url, init) => {
            setPosts((prev) => [...prev, { url, body: JSON.parse(String(init.body)) }]);
            return new Response(null, { status: 200 });
          },
        }),
      ],
    }),
  );
  return (
    <div>
      <DecisionProvider
        recommendation={converted.ok ? converted.value : null}
        decisionId="cds-example-1"
        procedure="diabetes.hba1c-order"
        caseRef="patient-0815"
        actor={{ id: 'clinician-7', role: 'clinician' }}
        plan={plan}
        logger={logger}
        locale="en"
        onEvents={(batch) => setEvents((prev) => [...prev, ...batch])}
      >
        <DecisionScreen />
      </DecisionProvider>
      <section aria-labelledby="cds-feedback-heading" className="story-events">
        <h2 id="cds-feedback-heading">CDS Hooks feedback sent</h2>
        <p>
          Events recorded: {events.length}. Feedback is posted once the decision is final (
          <code>decision.finalized</code>); deciding without the AI posts nothing, because the card was not
          used.
        </p>
        {posts.length === 0 ? (
          <p>No feedback posted yet.</p>
        ) : (
          <ol aria-label="Feedback requests">
            {posts.map((post, index) => (
              <li key={index}>
                <p>
                  <code>POST {post.url}</code>
                </p>
                <pre data-testid="feedback-body">{JSON.stringify(post.body, null, 2)}</pre>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

const meta = {
  title: 'Examples/CDS Hooks',
  component: CdsHooksExample,
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'A CDS Hooks 2.0 card (suggestions, override reasons) rendered through Deliberate with `fromCdsHooksCard`, and the outcome posted as CDS Hooks feedback by `createCdsHooksFeedbackSink` (a fake fetch shows the request body). Deliberate additionally logs what CDS Hooks has no place for: the person’s own judgement, the confidence shown and the timing.',
      },
    },
  },
} satisfies Meta<typeof CdsHooksExample>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The card as it arrives; decide freely. */
export const Card: Story = {};

/** The clinician disagrees, keeps their own assessment with the service's reason, and feedback says "overridden". */
export const OverrideWithServiceReason: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Do not order now' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Record my assessment' }));
    await canvas.findByText(/You and the AI disagree/);
    await userEvent.click(canvas.getByRole('radio', { name: /Keep my assessment/ }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Patient declined' }));
    await userEvent.click(
      canvas.getByRole('button', { name: 'Override the recommendation: Do not order now' }),
    );
    const body = await canvas.findByTestId('feedback-body', {}, { timeout: 5000 });
    const sent = JSON.parse(body.textContent ?? '{}') as {
      feedback: { card: string; outcome: string; overrideReason?: { reason?: { code: string } } }[];
    };
    expect(sent.feedback[0]).toMatchObject({
      card: card.uuid,
      outcome: 'overridden',
      overrideReason: { reason: { code: 'patient-declined' } },
    });
  },
};
