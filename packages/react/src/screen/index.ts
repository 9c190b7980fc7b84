export { DecisionScreen, LoggingAlert, type DecisionScreenProps } from './decision-screen.tsx';
