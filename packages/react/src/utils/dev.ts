/** Whether development-only warnings should be printed. Safe where `process` does not exist. */
export function isDev(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.['NODE_ENV'] !== 'production';
}
