#!/usr/bin/env node
// The SDK warns on Node 20; our users must never see it (set before anything loads the SDK).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { entry } = await import('../dist/src/cli/entry.js');
process.exitCode = await entry();
