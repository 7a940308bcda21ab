/**
 * Search filters (RFC 4511 §4.5.1.7), evaluated here against an entry's attributes with LDAP's
 * three-valued logic. A filter also yields a few SQL "hints": conditions every matching entry must
 * meet, so a scan of 200,000 rows reads only the candidates (modifyTimestamp>=…, employeeNumber=…).
 * The hints only narrow; the evaluation below always has the last word.
 */
import { normaliseForSearch } from '@liaison/core/directory/searchText';
import type { AttributeSet } from './attributes.ts';
import { attributeKey, attributeType, normaliseText, parseGeneralizedTime } from './schema.ts';

export type FilterNode =
  | { kind: 'and' | 'or'; filters: FilterNode[] }
  | { kind: 'not'; filter: FilterNode }
  | { kind: 'equal' | 'approx' | 'ge' | 'le'; attribute: string; value: string }
  | { kind: 'present'; attribute: string }
  | { kind: 'substring'; attribute: string; initial: string | null; any: string[]; final: string | null }
  /** Extensible matches and anything else we do not evaluate: Undefined, as RFC 4511 allows. */
  | { kind: 'unsupported' };

/** TRUE, FALSE or Undefined (null). Only TRUE returns an entry. */
type Truth = boolean | null;

function textValues(attrs: AttributeSet, name: string): string[] | undefined {
  return attrs.get(attributeKey(name))?.values.map((v) => (typeof v === 'string' ? v : ''));
}

function substringMatch(value: string, node: Extract<FilterNode, { kind: 'substring' }>): boolean {
  const v = normaliseText(value);
  let pos = 0;
  if (node.initial !== null) {
    const initial = normaliseText(node.initial);
    if (!v.startsWith(initial)) return false;
    pos = initial.length;
  }
  for (const part of node.any) {
    const p = normaliseText(part);
    const at = v.indexOf(p, pos);
    if (at < 0) return false;
    pos = at + p.length;
  }
  if (node.final !== null) {
    const final = normaliseText(node.final);
    return v.length - final.length >= pos && v.endsWith(final);
  }
  return true;
}

/** Seconds are the precision of what we show, so `=`/`<=`/`>=` compare at that precision. */
function compareTime(value: string, asserted: string, kind: 'equal' | 'ge' | 'le' | 'approx'): Truth {
  const at = parseGeneralizedTime(value);
  const wanted = parseGeneralizedTime(asserted);
  if (at === null || wanted === null) return null;
  const a = Math.floor(at / 1000);
  const w = Math.floor(wanted / 1000);
  if (kind === 'ge') return a >= w;
  if (kind === 'le') return a <= w;
  return a === w;
}

function assertion(attrs: AttributeSet, node: Extract<FilterNode, { attribute: string }>): Truth {
  const type = attributeType(node.attribute);
  if (type === undefined) return null;
  if (node.kind === 'present') return attrs.has(attributeKey(node.attribute));
  const values = textValues(attrs, node.attribute);
  if (type.match === 'binary') return null; // no equality rule on certificates: presence only
  if (values === undefined) return false;
  if (node.kind === 'substring') {
    return type.match === 'text' ? values.some((v) => substringMatch(v, node)) : null;
  }
  if (type.match === 'time') {
    const results = values.map((v) => compareTime(v, node.value, node.kind));
    return results.includes(true) ? true : results.includes(null) ? null : false;
  }
  const asserted = normaliseText(node.value);
  return values.some((raw) => {
    const v = normaliseText(raw);
    if (node.kind === 'ge') return v >= asserted;
    if (node.kind === 'le') return v <= asserted;
    return v === asserted;
  });
}

function evaluate(node: FilterNode, attrs: AttributeSet): Truth {
  switch (node.kind) {
    case 'and': {
      let result: Truth = true;
      for (const f of node.filters) {
        const r = evaluate(f, attrs);
        if (r === false) return false;
        if (r === null) result = null;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const f of node.filters) {
        const r = evaluate(f, attrs);
        if (r === true) return true;
        if (r === null) result = null;
      }
      return result;
    }
    case 'not': {
      const r = evaluate(node.filter, attrs);
      return r === null ? null : !r;
    }
    case 'unsupported':
      return null;
    case 'equal':
    case 'approx':
    case 'ge':
    case 'le':
    case 'present':
    case 'substring':
      return assertion(attrs, node);
  }
}

export function matches(filter: FilterNode, attrs: AttributeSet): boolean {
  return evaluate(filter, attrs) === true;
}

/** Does the filter look at this attribute anywhere (so it must be computed before evaluating)? */
export function mentions(filter: FilterNode, key: string): boolean {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.filters.some((f) => mentions(f, key));
    case 'not':
      return mentions(filter.filter, key);
    case 'unsupported':
      return false;
    case 'equal':
    case 'approx':
    case 'ge':
    case 'le':
    case 'present':
    case 'substring':
      return attributeKey(filter.attribute) === key;
  }
}

/** A necessary condition on a stored column, applied in SQL before evaluation. */
export type SqlHint =
  | { column: 'modified_at'; op: '>=' | '<'; value: string }
  | { column: 'national_id' | 'departement' | 'id'; op: '='; value: string }
  | { column: 'mail'; op: 'contains'; value: string }
  | { column: 'uid'; op: '='; value: string }
  /** The normalised name (normaliseForSearch) starts with `value`: a prefilter that never misses. */
  | { column: 'sn' | 'givenName' | 'cn'; op: 'starts'; value: string };

const NAME_COLUMNS: Record<string, 'sn' | 'givenName' | 'cn'> = {
  sn: 'sn',
  givenname: 'givenName',
  cn: 'cn',
};

/** Equality and initial substrings on names: the search index's normal form narrows them in SQL. */
function nameHint(node: FilterNode): SqlHint | null {
  if (node.kind !== 'equal' && node.kind !== 'substring') return null;
  const column = NAME_COLUMNS[attributeKey(node.attribute)];
  const start = 'initial' in node ? node.initial : node.value;
  if (column === undefined || start === null) return null;
  const value = normaliseForSearch(start);
  // A value of punctuation only normalises to nothing: it narrows nothing either.
  return value === '' ? null : { column, op: 'starts', value };
}

function hintFor(node: FilterNode): SqlHint | null {
  const name = nameHint(node);
  if (name !== null) return name;
  if (node.kind !== 'equal' && node.kind !== 'ge' && node.kind !== 'le') return null;
  const key = attributeKey(node.attribute);
  if (key === 'modifytimestamp' && node.kind !== 'equal') {
    const at = parseGeneralizedTime(node.value);
    if (at === null) return null;
    // What we show is truncated to the second: `<= 080000Z` must keep 08:00:00.700.
    const bound = node.kind === 'ge' ? Math.floor(at / 1000) * 1000 : (Math.floor(at / 1000) + 1) * 1000;
    return {
      column: 'modified_at',
      op: node.kind === 'ge' ? '>=' : '<',
      value: new Date(bound).toISOString(),
    };
  }
  if (node.kind !== 'equal') return null;
  const value = node.value.trim();
  // Accents and odd spacing are folded by the evaluation but not by SQL: no hint, or it would exclude.
  if (!/^[\x21-\x7e]+$/.test(value)) return null;
  if (key === 'employeenumber') return { column: 'national_id', op: '=', value: value.toUpperCase() };
  if (key === 'departmentnumber') return { column: 'departement', op: '=', value: value.toUpperCase() };
  if (key === 'entryuuid') return { column: 'id', op: '=', value: value.toLowerCase() };
  if (key === 'mail') return { column: 'mail', op: 'contains', value: value.toLowerCase() };
  if (key === 'uid') return { column: 'uid', op: '=', value: value.toLowerCase() };
  return null;
}

/** Hints from the filter's top-level conjunction (a hint inside an OR or NOT would not be necessary). */
export function sqlHints(filter: FilterNode): SqlHint[] {
  const nodes = filter.kind === 'and' ? filter.filters : [filter];
  return nodes.map(hintFor).filter((h): h is SqlHint => h !== null);
}
