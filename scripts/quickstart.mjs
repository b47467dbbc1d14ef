#!/usr/bin/env node
// The README's first command (`npm run quickstart`) after install and build: runs the main job,
// `sso-oidc start-device-authorization`, for real. With SSO_START_URL set it talks to IAM Identity
// Center in your region (AWS_REGION, or your profile's); without it, to the embedded emulator on
// 127.0.0.1, so no AWS account and no network are needed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/sso-oidc.js');

// Async, not spawnSync: the emulator answers from this very process's event loop.
async function cli(args, { show = true } = {}) {
  if (show) console.log(`$ sso-oidc ${args.map((a) => (/[\s"'$]/.test(a) ? `'${a}'` : a)).join(' ')}`);
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf-8').on('data', (d) => (out += d));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) {
    await emulator?.close();
    process.exit(code ?? 1);
  }
  if (show) process.stdout.write(out);
  return out;
}

const startUrl = process.env.SSO_START_URL;
let emulator;
const target = [];
if (startUrl === undefined) {
  const { startEmulator } = await import(join(root, 'dist/emulator/index.js'));
  emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  target.push('--endpoint-url', emulator.url, '--region', 'us-east-1');
  console.log(`No SSO_START_URL set: using the embedded IAM Identity Center OIDC emulator at ${emulator.url}\n`);
}
try {
  const reg = JSON.parse(
    await cli(['register-client', '--client-name', 'sso-oidc-quickstart', '--client-type', 'public', ...target], { show: false }),
  );
  console.log(`Registered client ${reg.clientId}\n`);
  // The secret goes through a 0600 file, never the process list: file:// as the AWS CLI reads it.
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-quickstart-'));
  const secretFile = join(dir, 'client-secret.txt');
  writeFileSync(secretFile, reg.clientSecret, { mode: 0o600 });
  try {
    await cli([
      'start-device-authorization',
      '--client-id',
      reg.clientId,
      '--client-secret',
      `file://${secretFile}`,
      '--start-url',
      startUrl ?? 'https://my-sso-portal.awsapps.com/start',
      ...target,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nOpen verificationUriComplete in a browser to approve; `sso-oidc login` runs the whole flow.');
} finally {
  await emulator?.close();
}
