// Debian's Firefox driven over WebDriver BiDi, its built-in remote protocol: playwright-core only
// drives its own patched Firefox builds, which cannot be downloaded here. Just enough of the
// protocol for the suite: open a URL, evaluate script, collect console errors.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Starts a headless Firefox with a fresh profile and opens a BiDi session on it. */
export async function launchFirefox() {
  const profile = await mkdtemp(join(tmpdir(), 'hoinghi-firefox-'));
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  // Port 0 lets Firefox pick a free port; it prints the address it listens on.
  const address = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent: ${seen}`)), 30_000);
    child.stderr.on('data', (d) => {
      seen += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`Firefox exited (${code}): ${seen}`)));
  });
  const ws = new WebSocket(`${address}/session`);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let next = 0;
  const pending = new Map();
  const errors = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    if (msg.id !== undefined && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.type === 'error') reject(new Error(`${msg.error}: ${msg.message}`));
      else resolve(msg.result);
    } else if (msg.method === 'log.entryAdded' && msg.params.level === 'error') {
      errors.push(msg.params.text);
    }
  });
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['log.entryAdded'] });
  const { contexts } = await send('browsingContext.getTree');
  const context = contexts[0].context;

  return {
    errors,
    goto: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    /** The value of a script expression (awaited when it is a promise), as plain JSON. */
    async evaluate(expression) {
      const { result, exceptionDetails } = await send('script.evaluate',
        { expression, target: { context }, awaitPromise: true, resultOwnership: 'none', serializationOptions: { maxObjectDepth: 4 } });
      if (exceptionDetails) throw new Error(`in Firefox: ${exceptionDetails.text}`);
      return deserialize(result);
    },
    /** Polls `expression` until it is truthy. */
    async waitFor(expression, what, timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        if (await this.evaluate(expression)) return;
        if (Date.now() > end) throw new Error(`Firefox: timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await send('session.end').catch(() => {});
      ws.close();
      child.kill();
      await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** BiDi's typed remote values back to plain values. */
function deserialize(v) {
  switch (v.type) {
    case 'undefined': case 'null': return null;
    case 'string': case 'number': case 'boolean': return v.value;
    case 'array': return v.value.map(deserialize);
    case 'object': return Object.fromEntries(v.value.map(([k, x]) => [typeof k === 'string' ? k : deserialize(k), deserialize(x)]));
    default: return v.value ?? null;
  }
}
