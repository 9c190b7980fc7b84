import type { FetchLike } from '../sinks/http-common.ts';

/** A request as the fake fetch saw it. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export type FetchReply =
  Response | Error | ((request: RecordedRequest) => Response | Error | Promise<Response | Error>);

/** A fetch that answers from a script (then from `fallback`) and records every request. */
export function createFakeFetch(fallback: FetchReply = new Response('{}', { status: 200 })) {
  const requests: RecordedRequest[] = [];
  const script: FetchReply[] = [];
  const fetch: FetchLike = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const request: RecordedRequest = {
      url: input,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : '',
    };
    requests.push(request);
    const step = script.shift() ?? fallback;
    const reply = typeof step === 'function' ? await step(request) : step;
    if (reply instanceof Error) throw reply;
    return reply.clone();
  };
  return {
    fetch,
    requests,
    /** Queue answers for the next requests, in order. */
    reply(...replies: FetchReply[]) {
      script.push(...replies);
    },
  };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
