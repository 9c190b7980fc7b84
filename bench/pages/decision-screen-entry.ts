// What an integrator's bundle pulls in for the five-minute integration.
export { DecisionProvider, DecisionScreen } from '@deliberate/react';
