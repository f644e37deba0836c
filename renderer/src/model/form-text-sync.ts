// The wizard's two views of one Service kept in step: the form and the text (YAML or JSON). Pure
// TypeScript, no Vue: the dialog wraps it in reactive state.
//
// YAML text is a yaml Document, the source of truth: form edits change only the nodes they touch.
// JSON cannot hold comments; switching to JSON says when some would be dropped. Text that does not
// parse, or is not a Service, leaves the form at its last good state and keeps every typed character:
// the form and the format switch wait until the text is fixed or its edits are discarded on purpose.
import { Document, isScalar, parseAllDocuments, parseDocument } from 'yaml';
import { formFromManifest, isServiceManifest, writeForm, type ServiceForm } from './service-form';

export type TextFormat = 'yaml' | 'json';

export type TextProblem = { kind: 'syntax'; message: string; line: number | null } | { kind: 'not-a-service' };

export class FormTextSync {
  private doc: Document;
  format: TextFormat = 'yaml';
  text: string;
  form: ServiceForm;
  /** Why the text does not drive the form right now; null when it does. */
  problem: TextProblem | null = null;

  constructor(form: ServiceForm, text?: string) {
    this.doc = text === undefined ? new Document({}) : oneDocument(text);
    if (text === undefined) writeForm(this.doc, form);
    this.form = text === undefined ? (JSON.parse(JSON.stringify(form)) as ServiceForm) : formFromManifest(this.doc.toJS());
    this.text = this.render();
  }

  /**
   * The form changed: write it into the document and re-render the text. Refused (false) while the
   * text has a problem: re-rendering would throw the typed text away. Fix it, or discardTextEdits().
   */
  setForm(form: ServiceForm): boolean {
    if (this.problem) return false;
    // A JSON copy: the form may arrive wrapped in reactive proxies, which structuredClone refuses.
    this.form = JSON.parse(JSON.stringify(form)) as ServiceForm;
    writeForm(this.doc, this.form);
    this.text = this.render();
    return true;
  }

  /** Gives up the text typed since it last parsed as a Service: back to the last good document. */
  discardTextEdits(): void {
    this.problem = null;
    this.text = this.render();
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
      this.doc = new Document(value);
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
      this.doc = doc;
    }
    this.problem = null;
    this.form = formFromManifest(this.doc.toJS());
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
    if (format === 'json') this.doc = new Document(this.doc.toJS());
    this.text = this.render();
    return true;
  }

  /** The manifest to send: the document as it stands (text problems must be fixed first). */
  manifest(): string {
    return this.doc.toString();
  }

  /** The manifest as a plain object. */
  object(): unknown {
    return this.doc.toJS();
  }

  private render(): string {
    return this.format === 'json' ? `${JSON.stringify(this.doc.toJS(), null, 2)}\n` : this.doc.toString();
  }

}

/**
 * The one document of the text: empty documents around it (a leading or trailing `---`, as kubectl
 * and Helm write) are fine, as kubectl and the API server take them; two real ones are an error.
 */
function oneDocument(text: string): Document {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length <= 1) return parseDocument(text);
  const filled = docs.filter((d) => d.errors.length > 0 || (d.contents !== null && !(isScalar(d.contents) && d.contents.value === null)));
  return filled.length === 1 ? filled[0]! : parseDocument(text);
}
