/**
 * Runs sendOperation in a fresh Node process (for environment that Node reads at start-up, such
 * as NODE_EXTRA_CA_CERTS). argv[2]: JSON array of { endpoint, caBundle? }. Prints a JSON array
 * of { ok } or { error, message } on stdout, one per case.
 */
import { makeConfig, send } from './support.js';

type Case = { endpoint: string; caBundle?: string };
const cases = JSON.parse(process.argv[2] ?? '[]') as Case[];
const results: object[] = [];
for (const c of cases) {
  const tls = c.caBundle ? { verify: true, caBundle: c.caBundle } : { verify: true };
  try {
    await send(makeConfig(c.endpoint, { tls }));
    results.push({ ok: true });
  } catch (e) {
    results.push({ error: (e as Error).name, message: (e as Error).message });
  }
}
process.stdout.write(JSON.stringify(results));
