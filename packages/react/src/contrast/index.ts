export {
  Contrast,
  ContrastResolution,
  ContrastRoot,
  ContrastStatement,
  ContrastTable,
  useContrast,
  type ContrastProps,
  type ContrastRootProps,
  type ContrastState,
  type UseContrastResult,
} from './contrast.tsx';
