/*
 * A worker thread of the parallel metrics reader (read.ts): takes batches of lines, sends back
 * what `classifyLines` made of them, and the batch's buffer for reuse.
 */
import { parentPort } from 'node:worker_threads';
import { classifyLines } from './classify.ts';
import type { BatchMessage, FailureMessage, ResultMessage } from './protocol.ts';

const port = parentPort;
if (port === null) throw new Error('parallel/worker.ts runs as a worker thread of the metrics reader.');

port.on('message', (batch: BatchMessage) => {
  try {
    const result = classifyLines(Buffer.from(batch.buffer, 0, batch.length));
    const message: ResultMessage = { seq: batch.seq, buffer: batch.buffer, ...result };
    port.postMessage(message, [batch.buffer, result.kinds.buffer, result.digests.buffer]);
  } catch (error) {
    const failure: FailureMessage = { seq: batch.seq, error: (error as Error).stack ?? String(error) };
    port.postMessage(failure);
  }
});
