// The wizard's two views of one Service kept in step: the form and the text (YAML or JSON). Pure
// TypeScript, no Vue: the dialog wraps it in reactive state.
//
// The text is the source of truth. A form edit changes exactly the bytes of the fields it sets (see
// text-patch.ts): comments, key order, indentation, quoting and unknown fields stay as typed, in YAML
// and JSON. JSON cannot hold comments; switching to JSON says when some would be dropped. Text that
// does not parse, or is not a Service, leaves the form at its last good state and keeps every typed
// character: the form and the format switch wait until the text is fixed or its edits are discarded.
import { Document } from 'yaml';
import { formFromManifest, isServiceManifest, writeForm, type ServiceForm } from './service-form';
import { oneDocument, patchText } from './text-patch';

export type TextFormat = 'yaml' | 'json';

export type TextProblem = { kind: 'syntax'; message: string; line: number | null } | { kind: 'not-a-service' };

export class FormTextSync {
  private doc: Document;
  /** The text as it last parsed as a Service: what discardTextEdits() goes back to. */
  private goodText: string;
  format: TextFormat = 'yaml';
  text: string;
  form: ServiceForm;
  /** Why the text does not drive the form right now; null when it does. */
  problem: TextProblem | null = null;
  private defaultNamespace: string;

  /**
   * From a form (a new manifest is written) or from a text taken as it is (JSON when it parses as
   * JSON, else YAML). `defaultNamespace` is where
   * a manifest without metadata.namespace will be created: the form shows it, the text stays without.
   */
  constructor(form: ServiceForm, text?: string, defaultNamespace = '') {
    this.defaultNamespace = defaultNamespace;
    if (text === undefined) {
      // A new manifest names its namespace, in the usual order: apiVersion, kind, metadata, spec.
      this.doc = new Document({});
      writeForm(this.doc, form);
      this.text = this.doc.toString();
    } else {
      this.doc = oneDocument(text);
      this.text = text;
      this.format = isJson(text) ? 'json' : 'yaml';
    }
    this.goodText = this.text;
    this.form = formFromManifest(this.doc.toJS(), defaultNamespace);
  }

  /**
   * The form changed: bring the text in line, touching only what the form changed. Refused (false)
   * while the text has a problem: it would throw the typed text away. Fix it, or discardTextEdits().
   */
  setForm(form: ServiceForm): boolean {
    if (this.problem) return false;
    // A JSON copy: the form may arrive wrapped in reactive proxies, which structuredClone refuses.
    const next = JSON.parse(JSON.stringify(form)) as ServiceForm;
    const doc = this.doc.clone();
    writeForm(doc, next, this.defaultNamespace);
    const wanted = doc.toJS() as unknown;
    const text = patchText(this.text, wanted, this.format)
      ?? (this.format === 'json' ? `${JSON.stringify(wanted, null, 2)}\n` : doc.toString());
    this.takeText(text);
    // The form as given: rows still being typed (a label without a key) live in the form only.
    this.form = next;
    return true;
  }

  /**
   * The namespace the wizard creates in changed (another cluster, or the chosen one is not there):
   * a manifest that names none shows the new one, and its text stays as it is.
   */
  setDefaultNamespace(namespace: string): void {
    const named = this.doc.getIn(['metadata', 'namespace']);
    this.defaultNamespace = namespace;
    if (typeof named !== 'string' || named === '') this.form = { ...this.form, namespace };
  }

  /** Gives up the text typed since it last parsed as a Service: back to the last good text. */
  discardTextEdits(): void {
    this.problem = null;
    this.text = this.goodText;
  }

  /** The text changed: take it as the document when it parses and is a Service; keep it either way. */
  setText(text: string): void {
    this.text = text;
    if (this.format === 'json') {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        this.problem = { kind: 'syntax', message: (error as Error).message, line: null };
        return;
      }
      if (!isServiceManifest(value)) {
        this.problem = { kind: 'not-a-service' };
        return;
      }
    } else {
      const doc = oneDocument(text);
      if (doc.errors.length > 0) {
        const first = doc.errors[0]!;
        this.problem = { kind: 'syntax', message: first.message.split('\n')[0] ?? first.message, line: first.linePos?.[0]?.line ?? null };
        return;
      }
      if (!isServiceManifest(doc.toJS())) {
        this.problem = { kind: 'not-a-service' };
        return;
      }
    }
    this.takeText(text);
  }

  /** Whether the YAML holds comments that JSON would drop. */
  hasComments(): boolean {
    return this.format === 'yaml' && /(^|\s)#/.test(this.doc.toString());
  }

  /** Switches the text's format; refused (false) while the text has a problem, like setForm. */
  setFormat(format: TextFormat): boolean {
    if (this.problem) return false;
    if (format === this.format) return true;
    this.format = format;
    this.takeText(format === 'json' ? `${JSON.stringify(this.doc.toJS(), null, 2)}\n` : new Document(this.doc.toJS()).toString());
    return true;
  }

  /** The manifest to send or save: the text as typed (text problems must be fixed first). */
  manifest(): string {
    return this.goodText;
  }

  /** The line (1-based) of the text that holds a field named as the API server names it (spec.ports[0].port), or null. */
  lineOf(path: string): number | null {
    const keys = [...path.matchAll(/([^.[\]]+)|\[([^\]]+)\]/g)].map((m) => (m[2] !== undefined && /^\d+$/.test(m[2]) ? Number(m[2]) : (m[1] ?? m[2])!));
    for (let n = keys.length; n > 0; n -= 1) {
      const node = this.doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return this.text.slice(0, node.range[0]).split('\n').length;
    }
    return null;
  }

  /** The manifest as a plain object. */
  object(): unknown {
    return this.doc.toJS();
  }

  /** A text known to be one Service (JSON is YAML too) becomes the document, the good text and the form. */
  private takeText(text: string): void {
    this.text = text;
    this.goodText = text;
    this.problem = null;
    this.doc = oneDocument(text);
    this.form = formFromManifest(this.doc.toJS(), this.defaultNamespace);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
