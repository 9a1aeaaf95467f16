import net from 'node:net';

/**
 * One HTTP/1.1 request written byte for byte on a TCP socket, so the request
 * target reaches the server exactly as written (fetch would normalise
 * `//api`, `/x/../api`, absolute forms and encodings). Resolves with the
 * status of the answer's first line.
 */
export function rawRequest(port: number, method: string, target: string, headers: Record<string, string> = {}, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const lines = [
      `${method} ${target} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Connection: close',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    if (body !== '') lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${method} ${target}`)));
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
    socket.on('close', () =>
      reject(new Error(`connection closed without an answer to ${method} ${target}: ${JSON.stringify(received.slice(0, 200))}`)),
    );
  });
}
