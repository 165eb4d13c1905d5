// npm start and the Docker image start the server with the same node flags (test/helpers/server-flags.ts).
import { describe, expect, it } from 'vitest';
import { dockerfileFlags, startScriptFlags } from '../helpers/server-flags.js';

describe('the node flags the server starts with', () => {
  it('are the same for npm start and the Docker image, and keep V8 to one helper thread', () => {
    expect(dockerfileFlags()).toEqual(startScriptFlags());
    // Why one: README, "Inbound at load". A V8 pool of four on a two-core machine sends its
    // collector's helpers onto the cores Postgres and the web server need.
    expect(startScriptFlags()).toContain('--v8-pool-size=1');
  });
});
