export {
  DecisionScreen,
  LoggingAlert,
  type DecisionScreenProps,
  type LoggingAlertProps,
} from './decision-screen.tsx';
