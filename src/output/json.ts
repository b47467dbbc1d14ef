/**
 * `--output json`: json.dump(data, indent=4, ensure_ascii=False) + "\n", as awscli's
 * JSONFormatter writes it (Python float repr, exact ints, raw UTF-8, model key order).
 */
import { dumpPyJson } from '../value/pyjson.js';
import { isMap, type Value } from '../value/types.js';

/** The JSON output; '' for `{}` only (the formatter skips `response == {}`, nothing else). */
export function formatJson(data: Value): string {
  if (isMap(data) && data.size === 0) return '';
  return dumpPyJson(data, { indent: 4, ensureAscii: false }) + '\n';
}
