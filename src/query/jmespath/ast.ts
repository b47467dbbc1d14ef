/**
 * The JMESPath syntax tree: one node kind per jmespath.py ast.py constructor, so that the
 * interpreter can follow visitor.py case by case. `subexpression` and `index_expression` keep a
 * flat child list, because jmespath.py builds them by appending and that is observable:
 * `a[0][1:2]` appends the slice to the index expression instead of starting a projection.
 */
import type { Value } from '../../value/types.js';

export type Comparator = 'eq' | 'ne' | 'lt' | 'gt' | 'lte' | 'gte';

export type Node =
  | { readonly type: 'identity' }
  | { readonly type: 'current' }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'literal'; readonly value: Value }
  | { readonly type: 'index'; readonly index: bigint }
  | { readonly type: 'slice'; readonly start: bigint | null; readonly stop: bigint | null; readonly step: bigint | null }
  | { readonly type: 'subexpression'; readonly children: Node[] }
  | { readonly type: 'index_expression'; readonly children: Node[] }
  | { readonly type: 'pipe'; readonly left: Node; readonly right: Node }
  | { readonly type: 'projection'; readonly left: Node; readonly right: Node }
  | { readonly type: 'value_projection'; readonly left: Node; readonly right: Node }
  | { readonly type: 'filter_projection'; readonly left: Node; readonly right: Node; readonly condition: Node }
  | { readonly type: 'flatten'; readonly child: Node }
  | { readonly type: 'comparator'; readonly op: Comparator; readonly left: Node; readonly right: Node }
  | { readonly type: 'or_expression'; readonly left: Node; readonly right: Node }
  | { readonly type: 'and_expression'; readonly left: Node; readonly right: Node }
  | { readonly type: 'not_expression'; readonly child: Node }
  | { readonly type: 'multi_select_list'; readonly children: readonly Node[] }
  | { readonly type: 'multi_select_dict'; readonly pairs: readonly KeyValPair[] }
  | { readonly type: 'function_expression'; readonly name: string; readonly args: readonly Node[] }
  | { readonly type: 'expref'; readonly expression: Node };

export interface KeyValPair {
  readonly key: string;
  readonly value: Node;
}

export const IDENTITY: Node = { type: 'identity' };
