// One HTTP GET on a new connection (no keep-alive): through a port forward, each request then
// opens its own forwarded connection, so a test sees which pod the next connection reaches.
import { get } from 'node:http';

export function fetchOnce(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
