// Minimal text edits: brings YAML or JSON source text to a wanted value by rewriting only the bytes
// of what differs. A changed scalar is replaced where it stands (its quotes and end-of-line comment
// kept); a removed key or list item loses its own lines; a new one is written after its siblings in
// the document's own indentation and list style. Everything else stays byte-identical: comments,
// blank lines, trailing spaces, flow style elsewhere, key order, long lines. Pure: unit-tested on
// real-world manifests (test/data/service-manifests).
//
// The result is checked: it must parse to the wanted value, or patchText answers null and the caller
// re-renders the document instead (never a wrong text, at worst a reformatted one).
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, stringify, type Document, type Node, type Pair, type ParseOptions, type YAMLMap, type YAMLSeq } from 'yaml';
import { align, isPlainObject, sameValue } from './value-align';

export type PatchFormat = 'yaml' | 'json';

type Value = unknown;
interface Edit { from: number; to: number; text: string }
class Unpatchable extends Error {}


/** The source text with the fewest changed bytes that parses to `wanted`; null when that cannot be done safely. */
export function patchText(source: string, wanted: Value, format: PatchFormat): string | null {
  const doc = oneDocument(source, { keepSourceTokens: true });
  if (doc.errors.length > 0 || doc.contents === null) return null;
  const patcher = new Patcher(source, format);
  try {
    patcher.node(doc.contents as Node, wanted, 0);
  } catch (error) {
    if (error instanceof Unpatchable) return null;
    throw error;
  }
  const text = patcher.apply();
  return parsesTo(text, wanted, format) ? text : null;
}

function parsesTo(text: string, wanted: Value, format: PatchFormat): boolean {
  try {
    if (format === 'json') return sameValue(JSON.parse(text), wanted);
    const doc = oneDocument(text);
    return doc.errors.length === 0 && sameValue(doc.toJS(), wanted);
  } catch {
    return false;
  }
}

/**
 * The one document of the text: empty documents around it (a leading or trailing `---`, as kubectl
 * and Helm write) are fine, as kubectl and the API server take them; two real ones are an error.
 * Its node ranges are offsets into the whole text.
 */
export function oneDocument(text: string, options: ParseOptions = {}): Document {
  const docs = parseAllDocuments(text, options);
  if (!Array.isArray(docs) || docs.length <= 1) return parseDocument(text, options);
  const filled = docs.filter((d) => d.errors.length > 0 || (d.contents !== null && !(isScalar(d.contents) && d.contents.value === null)));
  return filled.length === 1 ? filled[0]! : parseDocument(text, options);
}

class Patcher {
  private readonly edits: Edit[] = [];
  private readonly unit: string;
  /** How far a block list's `-` sits right of its key: 0 for `ports:\n- port`, as kubectl and Helm write. */
  private readonly seqIndent: number;

  private readonly src: string;
  private readonly format: PatchFormat;

  constructor(src: string, format: PatchFormat) {
    this.src = src;
    this.format = format;
    this.unit = indentUnit(src, format);
    this.seqIndent = format === 'json' ? 0 : sequenceIndent(src, this.unit.length);
  }

  apply(): string {
    let text = this.src;
    // Back to front; at one position a deletion goes before an insertion, so it cannot remove it.
    for (const e of [...this.edits].sort((a, b) => b.from - a.from || b.to - a.to)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
    return text;
  }

  /**
   * Brings one node to its wanted value; `col` is the column its parent's key or dash starts at, and
   * `inFlow` says it sits inside a flow collection (`{…}`, `[…]`, all of JSON).
   */
  node(node: Node, wanted: Value, col: number, inFlow = false): void {
    if (isAlias(node)) throw new Unpatchable('alias');
    if (sameValue(node.toJSON(), wanted)) return;
    if (isMap(node) && isPlainObject(wanted)) {
      if (node.flow) this.flowMap(node, wanted);
      else this.blockMap(node, wanted);
    } else if (isSeq(node) && Array.isArray(wanted)) {
      if (node.flow) this.flowSeq(node, wanted);
      else this.blockSeq(node, wanted);
    } else if (isScalar(node) && !isCollection(wanted)) {
      // An empty value (`name:`) has no bytes of its own: the new one needs a space after the colon.
      const gap = node.range![0] === node.range![1] && this.format === 'yaml' ? ' ' : '';
      // A block scalar (`|`, `>`) owns the newline after its last line: the new value keeps it.
      const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
      const newline = block && this.src[node.range![1] - 1] === '\n' ? '\n' : '';
      this.replace(node.range![0], node.range![1], gap + this.scalar(wanted, node) + newline);
    } else if (isScalar(node) && node.value === null && node.range![0] === node.range![1] && this.format === 'yaml') {
      // An empty `annotations:` (as Helm writes it) taking its first keys.
      const eol = lineEnd(this.src, node.range![0]);
      const rest = this.src.slice(node.range![0], eol).replace(/\n$/, '');
      this.replace(node.range![0], eol, `${rest}${this.valueAfterKey(wanted, col)}`);
    } else if (this.format === 'json' || inFlow || isFlowNode(node)) {
      this.replace(node.range![0], node.range![1], this.flow(wanted, lineIndent(this.src, node.range![0])));
    } else {
      throw new Unpatchable('type change');
    }
  }

  private blockMap(map: YAMLMap, wanted: Record<string, unknown>): void {
    const pairs = map.items as Array<Pair<Node, Node | null>>;
    if (pairs.length === 0 || !pairs.every((p) => isScalar(p.key))) throw new Unpatchable('block map keys');
    const col = column(this.src, pairs[0]!.key.range![0]);
    const keyOf = (p: Pair<Node, Node | null>): string => String((p.key as Scalar).value);
    if (!pairs.some((p) => keyOf(p) in wanted)) throw new Unpatchable('every key replaced');
    pairs.forEach((pair, i) => {
      const key = keyOf(pair);
      if (!(key in wanted)) this.deleteBlockPair(pairs, i);
      else if (pair.value === null) throw new Unpatchable('key without value node');
      else if (reshaped(pair.value, wanted[key])) this.replace(this.afterColon(pair), this.pairEnd(pair), this.valueAfterKey(wanted[key], col));
      else this.node(pair.value, wanted[key], col);
    });
    const added = Object.keys(wanted).filter((k) => !pairs.some((p) => keyOf(p) === k));
    if (added.length === 0) return;
    const at = this.pairEnd(pairs[pairs.length - 1]!);
    const lead = at === this.src.length && !this.src.endsWith('\n') ? '\n' : '';
    this.insert(at, lead + added.map((k) => `${' '.repeat(col)}${this.key(k)}:${this.valueAfterKey(wanted[k], col)}`).join(''));
  }

  private deleteBlockPair(pairs: Array<Pair<Node, Node | null>>, i: number): void {
    const key = pairs[i]!.key.range![0];
    const end = this.pairEnd(pairs[i]!);
    if (onlySpaceBefore(this.src, key)) {
      this.replace(lineStart(this.src, key), end, '');
    } else if (i + 1 < pairs.length) {
      // The first key of a `- key: value` item: the next key moves up onto the dash's line.
      this.replace(key, pairs[i + 1]!.key.range![0], '');
    } else {
      throw new Unpatchable('only key of a list item');
    }
  }

  private blockSeq(seq: YAMLSeq, wanted: unknown[]): void {
    const items = seq.items as Node[];
    const token = (seq as { srcToken?: { items?: Array<{ start: Array<{ type: string; offset: number }> }> } }).srcToken;
    const dashes = items.map((_, i) => token?.items?.[i]?.start.find((t) => t.type === 'seq-item-ind')?.offset);
    if (items.length === 0 || dashes.some((d) => d === undefined || !onlySpaceBefore(this.src, d))) throw new Unpatchable('list layout');
    const dashCol = column(this.src, dashes[0]!);
    const itemEnd = (i: number): number => lineEnd(this.src, Math.max(items[i]!.range![2] - 1, dashes[i]!));
    const renderItem = (value: Value): string => `${' '.repeat(dashCol)}- ${this.blockValue(value, dashCol + 2).replace(/^ +/, '')}`;
    let insertAt = lineStart(this.src, dashes[0]!);
    let pending: unknown[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const lead = insertAt === this.src.length && !this.src.endsWith('\n') ? '\n' : '';
      this.insert(insertAt, lead + pending.map(renderItem).join(''));
      pending = [];
    };
    for (const step of align(items.map((n) => n.toJSON() as Value), wanted)) {
      if (step.old !== undefined && step.new !== undefined) {
        flush();
        if (reshaped(items[step.old]!, wanted[step.new])) this.replace(lineStart(this.src, dashes[step.old]!), itemEnd(step.old), renderItem(wanted[step.new]));
        else this.node(items[step.old]!, wanted[step.new], dashCol);
        insertAt = itemEnd(step.old);
      } else if (step.old !== undefined) {
        if (wanted.length === 0) throw new Unpatchable('list emptied');
        this.replace(lineStart(this.src, dashes[step.old]!), itemEnd(step.old), '');
        insertAt = itemEnd(step.old);
      } else {
        pending.push(wanted[step.new!]);
      }
    }
    flush();
  }

  private flowMap(map: YAMLMap, wanted: Record<string, unknown>): void {
    const pairs = map.items as Array<Pair<Node, Node | null>>;
    if (!pairs.every((p) => isScalar(p.key) && p.value !== null)) throw new Unpatchable('flow map');
    const keyOf = (p: Pair<Node, Node | null>): string => String((p.key as Scalar).value);
    const kept = pairs.filter((p) => keyOf(p) in wanted);
    if (kept.length === 0) {
      this.replace(map.range![0], map.range![1], this.flow(wanted, lineIndent(this.src, map.range![0])));
      return;
    }
    const starts = pairs.map((p) => p.key.range![0]);
    const ends = pairs.map((p) => p.value!.range![1]);
    const keep = pairs.map((p) => keyOf(p) in wanted);
    pairs.forEach((pair, i) => {
      if (keep[i]) this.node(pair.value!, wanted[keyOf(pair)], 0, true);
    });
    this.deleteFlowItems(starts, ends, keep);
    const added = Object.keys(wanted).filter((k) => !pairs.some((p) => keyOf(p) === k));
    const last = pairs.lastIndexOf(kept[kept.length - 1]!);
    const sep = this.flowSeparator(map.range![0], starts, ends);
    const indent = lineIndent(this.src, starts[last]!);
    this.insert(ends[last]!, added.map((k) => `${sep}${this.key(k)}: ${this.flow(wanted[k], indent)}`).join(''));
  }

  private flowSeq(seq: YAMLSeq, wanted: unknown[]): void {
    const items = seq.items as Node[];
    if (items.length === 0) {
      this.replace(seq.range![0], seq.range![1], this.flow(wanted, lineIndent(this.src, seq.range![0])));
      return;
    }
    const starts = items.map((n) => n.range![0]);
    const ends = items.map((n) => n.range![1]);
    const keep = items.map(() => false);
    const steps = align(items.map((n) => n.toJSON() as Value), wanted);
    for (const step of steps) if (step.old !== undefined && step.new !== undefined) keep[step.old] = true;
    if (!keep.some(Boolean)) {
      this.replace(seq.range![0], seq.range![1], this.flow(wanted, lineIndent(this.src, seq.range![0])));
      return;
    }
    const sep = this.flowSeparator(seq.range![0], starts, ends);
    let after = -1;
    let pending: unknown[] = [];
    const flush = (): void => {
      if (pending.length === 0) return;
      const text = pending.map((v) => this.flow(v, lineIndent(this.src, starts[0]!)));
      if (after < 0) this.insert(starts[0]!, text.map((t) => `${t}${sep}`).join(''));
      else this.insert(ends[after]!, text.map((t) => `${sep}${t}`).join(''));
      pending = [];
    };
    for (const step of steps) {
      if (step.old !== undefined && step.new !== undefined) {
        flush();
        this.node(items[step.old]!, wanted[step.new], 0, true);
        after = step.old;
      } else if (step.new !== undefined) {
        pending.push(wanted[step.new!]);
      }
    }
    flush();
    this.deleteFlowItems(starts, ends, keep);
  }

  /**
   * Deletes the items of a flow collection that `keep` does not keep (at least one is kept), each with
   * its comma: an item up to the next one, and the items after the last kept one from that item's end.
   */
  private deleteFlowItems(starts: number[], ends: number[], keep: boolean[]): void {
    const lastKept = keep.lastIndexOf(true);
    keep.forEach((kept, i) => {
      if (!kept && i < lastKept) this.replace(starts[i]!, starts[i + 1]!, '');
    });
    if (lastKept < keep.length - 1) this.replace(ends[lastKept]!, ends[keep.length - 1]!, '');
  }

  /** What separates two items of a flow collection here, comma included (`,\n    ` in kubectl's JSON). */
  private flowSeparator(open: number, starts: number[], ends: number[]): string {
    if (starts.length >= 2) return this.src.slice(ends[ends.length - 2]!, starts[starts.length - 1]!);
    return `,${this.src.slice(open + 1, starts[0]!) || ' '}`;
  }

  /** A value written after `key:` in a block map whose keys start at `col` (newline included). */
  private valueAfterKey(value: Value, col: number): string {
    if (!isCollection(value) || isEmptyCollection(value)) return ` ${this.scalarOrFlow(value)}\n`;
    const childCol = Array.isArray(value) ? col + this.seqIndent : col + this.unit.length;
    return `\n${this.blockValue(value, childCol)}`;
  }

  /** A value in block style, every line indented to `col`, ending with a newline. */
  private blockValue(value: Value, col: number): string {
    if (!isCollection(value) || isEmptyCollection(value)) return `${' '.repeat(col)}${this.scalarOrFlow(value)}\n`;
    const text = stringify(value, { indent: this.unit.length || 2, indentSeq: this.seqIndent > 0, lineWidth: 0 });
    return text.split('\n').map((line) => (line === '' ? line : `${' '.repeat(col)}${line}`)).join('\n');
  }

  private scalarOrFlow(value: Value): string {
    return isCollection(value) ? (Array.isArray(value) ? '[]' : '{}') : this.scalar(value);
  }

  /** A flow (or JSON) rendering of a value whose line is indented by `indent`. */
  private flow(value: Value, indent: number): string {
    if (this.format === 'json') return JSON.stringify(value, null, this.unit).replace(/\n/g, `\n${' '.repeat(indent)}`);
    return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd();
  }

  private key(key: string): string {
    return this.format === 'json' ? JSON.stringify(key) : stringify(key, { lineWidth: 0 }).trimEnd();
  }

  /** A scalar, in the quotes the old one used where that can hold it. */
  private scalar(value: Value, old?: Scalar): string {
    if (this.format === 'json') return JSON.stringify(value);
    if (typeof value === 'string') {
      // Quotes the old value needed (it was empty) were not the writer's choice: the new one goes plain if it can.
      const chosen = old !== undefined && old.value !== '' ? old.type : undefined;
      if (chosen === Scalar.QUOTE_DOUBLE || value.includes('\n')) return JSON.stringify(value);
      if (chosen === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
    }
    return stringify(value, { lineWidth: 0 }).trimEnd();
  }

  /** Just past the `:` of a block pair with a plain or quoted key. */
  private afterColon(pair: Pair<Node, Node | null>): number {
    const colon = this.src.indexOf(':', pair.key.range![1]);
    if (colon < 0) throw new Unpatchable('no colon');
    return colon + 1;
  }

  /** The end of a block pair: past the end of the line its value (or key) ends on. */
  private pairEnd(pair: Pair<Node, Node | null>): number {
    const last = pair.value?.range ? pair.value.range[2] - 1 : pair.key.range![1];
    return lineEnd(this.src, Math.max(last, pair.key.range![1]));
  }

  private replace(from: number, to: number, text: string): void {
    if (this.src.slice(from, to) !== text) this.edits.push({ from, to, text });
  }

  private insert(at: number, text: string): void {
    if (text !== '') this.edits.push({ from: at, to: at, text });
  }
}

/** A block collection that becomes a scalar or the other kind of collection, or a scalar that becomes a collection. */
function reshaped(node: Node, wanted: Value): boolean {
  if (isAlias(node)) return false;
  // An empty `{}` or `[]` is how YAML writes an empty collection; filled, it takes the block style around it.
  if (isFlowNode(node)) return (node as YAMLMap | YAMLSeq).items.length === 0 && isCollection(wanted) && !isEmptyCollection(wanted);
  if (isMap(node)) return !isPlainObject(wanted) || isEmptyCollection(wanted);
  if (isSeq(node)) return !Array.isArray(wanted) || wanted.length === 0;
  return isScalar(node) && isCollection(wanted) && !(node.value === null && node.range![0] === node.range![1]);
}

const isCollection = (x: unknown): boolean => typeof x === 'object' && x !== null;
const isEmptyCollection = (x: unknown): boolean => (Array.isArray(x) ? x.length === 0 : isPlainObject(x) && Object.keys(x).length === 0);
const isFlowNode = (n: Node): boolean => (isMap(n) || isSeq(n)) && Boolean(n.flow);

function lineStart(src: string, pos: number): number {
  return src.lastIndexOf('\n', pos - 1) + 1;
}

/** Just past the newline that ends the line holding `pos` (or the end of the text). */
function lineEnd(src: string, pos: number): number {
  const nl = src.indexOf('\n', pos);
  return nl < 0 ? src.length : nl + 1;
}

const column = (src: string, pos: number): number => pos - lineStart(src, pos);
const onlySpaceBefore = (src: string, pos: number): boolean => /^[ \t]*$/.test(src.slice(lineStart(src, pos), pos));
const lineIndent = (src: string, pos: number): number => /^[ \t]*/.exec(src.slice(lineStart(src, pos)))![0].length;

/** The document's indentation step: the first indented key's leading whitespace (2 when none). */
function indentUnit(src: string, format: PatchFormat): string {
  const first = (format === 'json' ? /^([ \t]+)"/m : /^( +)[^\s#-]/m).exec(src);
  return first?.[1] ?? '  ';
}

/** 0 when block lists sit at their key's column (`ports:\n- port: 80`), else how far right they sit. */
function sequenceIndent(src: string, unit: number): number {
  const match = /^( *)[^\s#][^\n]*:[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)- /m.exec(src);
  return match ? Math.max(0, match[2]!.length - match[1]!.length) : unit;
}
