/**
 * Python's dict.update(arg), which merge() calls on every argument. jmespath.py only type-checks
 * merge's first argument, so later ones go through dict.update's own rules: a list of pairs (or
 * a string of two-character pairs!) merges, anything else raises Python's TypeError/ValueError.
 */
import { pyFloatRepr } from '../../value/pystr.js';
import { pythonError } from './errors.js';
import { ExpRef, pyTypeOf, type JValue } from './values.js';

/** Updates `target` in place with `arg`, as `target.update(arg)` would. */
export function dictUpdate(target: Map<string, JValue>, arg: JValue): void {
  if (arg instanceof Map) {
    for (const [k, v] of arg) target.set(k, v);
    return;
  }
  if (typeof arg !== 'string' && !Array.isArray(arg)) {
    throw pythonError('TypeError', `'${pyTypeOf(arg)}' object is not iterable`);
  }
  const items: JValue[] = typeof arg === 'string' ? Array.from(arg) : arg;
  items.forEach((item, i) => {
    const pair = asSequence(item);
    if (pair === undefined) {
      throw pythonError('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
    }
    if (pair.length !== 2) {
      throw pythonError('ValueError', `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    }
    target.set(hashKey(pair[0] as JValue), pair[1] as JValue);
  });
}

/** Iterating an element the way dict.update does: strings by character, dicts by key. */
function asSequence(item: JValue): JValue[] | undefined {
  if (typeof item === 'string') return Array.from(item);
  if (Array.isArray(item)) return item;
  if (item instanceof Map) return [...item.keys()];
  return undefined;
}

/**
 * A dict key. Python would keep a non-string key (1, True, None) as is; our dicts only have string
 * keys, so we store the text json.dumps would write for it, which is what the output shows.
 */
function hashKey(key: JValue): string {
  if (Array.isArray(key) || key instanceof Map) {
    throw pythonError('TypeError', `unhashable type: '${pyTypeOf(key)}'`);
  }
  if (typeof key === 'string') return key;
  if (key === null) return 'null';
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (typeof key === 'bigint') return key.toString();
  if (key instanceof ExpRef) throw pythonError('TypeError', 'keys must be str, int, float, bool or None, not _Expression');
  if (Number.isNaN(key)) return 'NaN';
  if (!Number.isFinite(key)) return key > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(key);
}
