// A multi-document YAML file (a Helm render, `kubectl get -o yaml`, a kustomize build) split into its
// documents, each kept byte for byte: every Service becomes a draft, every other kind is reported.
import { stringify } from 'yaml';
import { asDraftObject } from '../../api/server-fields';
import { readManifestText } from '../manifests/manifest-text';

export interface ImportedService {
  index: number;
  name: string | null;
  text: string;
}

export interface SkippedDocument {
  index: number;
  kind: string | null;
  name: string | null;
  reason: string;
}

/** Document markers sit at the start of a line, as YAML requires (`---` or `...`, then space or end). */
const MARKER = /^(---|\.\.\.)(?=\s|$)/;

/** The documents of `text`, each as its own lines (a `---` line that carries content keeps it). */
export function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/(?<=\n)/)) {
    const marker = MARKER.exec(line);
    if (!marker) {
      current.push(line);
      continue;
    }
    docs.push(current.join(''));
    current = [];
    const rest = line.slice(3);
    if (marker[1] === '---' && rest.trim() && !rest.trim().startsWith('#')) current.push(line);
  }
  docs.push(current.join(''));
  // Only comments and blank lines: not a document.
  return docs.filter((doc) => doc.split('\n').some((line) => line.trim() && !line.trim().startsWith('#')));
}

interface Doc {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown };
  items?: unknown;
}

const nameOf = (doc: Doc | null): string | null => (typeof doc?.metadata?.name === 'string' ? doc.metadata.name : null);
const isService = (doc: Doc): boolean => doc.apiVersion === 'v1' && doc.kind === 'Service';

/** Services to save and documents to report; a `List` (kubectl get -o yaml) gives its items, without server-set fields. */
export function servicesIn(text: string): { services: ImportedService[]; skipped: SkippedDocument[] } {
  const services: ImportedService[] = [];
  const skipped: SkippedDocument[] = [];
  splitDocuments(text).forEach((source, index) => {
    const read = readManifestText(source);
    if (!read.ok) {
      skipped.push({ index, kind: null, name: null, reason: read.detail });
      return;
    }
    const doc = read.value as Doc | null;
    if (!doc || typeof doc !== 'object') {
      skipped.push({ index, kind: null, name: null, reason: 'not a Kubernetes object' });
    } else if (isService(doc)) {
      services.push({ index, name: nameOf(doc), text: source });
    } else if (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items)) {
      for (const item of doc.items as Doc[]) {
        if (item && typeof item === 'object' && isService(item)) {
          services.push({ index, name: nameOf(item), text: stringify(asDraftObject(item)) });
        } else {
          skipped.push({ index, kind: typeof item?.kind === 'string' ? item.kind : null, name: nameOf(item), reason: 'not a Service' });
        }
      }
    } else {
      skipped.push({ index, kind: typeof doc.kind === 'string' ? doc.kind : null, name: nameOf(doc), reason: 'not a Service' });
    }
  });
  return { services, skipped };
}
