import WebSocket from 'ws';

/** The inspector's address a process started with `--inspect=127.0.0.1:0` prints on its stderr. */
export function inspectorUrl(stderr: string): string | null {
  return /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1] ?? null;
}

/**
 * Another Node process's memory after a full collection, through its inspector
 * (Chrome DevTools Protocol): the hall's heap and RSS read as the soak reads
 * its own, where /proc alone would count garbage not yet collected.
 */
export interface InspectedMemory {
  /** One reading, after a full collection. */
  read(): Promise<NodeJS.MemoryUsage>;
  close(): void;
}

export async function connectInspectedMemory(url: string): Promise<InspectedMemory> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let next = 0;
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve, reject });
      socket.send(JSON.stringify({ id: next, method, params }));
    });
  return {
    read: async () => {
      await send('HeapProfiler.collectGarbage');
      const answer = (await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as {
        result: { value: string };
      };
      return JSON.parse(answer.result.value) as NodeJS.MemoryUsage;
    },
    close: () => socket.close(),
  };
}
