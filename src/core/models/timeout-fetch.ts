/**
 * Wraps `fetch` so every request (headers and body) must finish within `timeoutMs`. The Ollama client has
 * no timeout of its own and LangChain's abort signal does not reach its requests, so without this a stalled
 * server would hold a question forever.
 */
export function createTimeoutFetch(timeoutMs: number, baseFetch: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return baseFetch(input, { ...init, signal });
  };
}
