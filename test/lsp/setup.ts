// What the LSP tests share: the repository root, the command that starts the built server, and one server
// started before the tests of a file (or of the describe it is called in) and stopped after them.
import { after, before } from 'node:test';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module without types, vendored from the shared tools
import { LspClient } from './lsp-client.mjs';

/** The repository root (the bundled tests run from out/test-<pid>/<suite>/). */
export const root = join(__dirname, '..', '..', '..');
/** The built language server over stdio. */
export const SERVER = ['node', 'dist/server.js', '--stdio'];

/**
 * A server for the tests around this call: started in `before`, stopped in `after`. The returned object stands
 * for the client once it is started (`client.open(…)` inside a test), so a test file reads as before.
 */
export function useServer(options?: { initializationOptions?: object; settings?: object }): any {
  let client: any;
  before(async () => {
    client = await LspClient.start(SERVER, root, options);
  });
  after(async () => {
    await client?.stop();
  });
  return new Proxy(
    {},
    {
      get(_, key) {
        if (!client) throw new Error(`the server is not started yet (client.${String(key)} outside a test)`);
        const value = client[key];
        return typeof value === 'function' ? value.bind(client) : value;
      },
    },
  );
}
