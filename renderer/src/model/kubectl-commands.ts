// The kubectl commands a Service's page offers to copy: the ones people run next (get, describe,
// edit, port-forward, delete), each for exactly this context, namespace and Service. Pure.

export interface KubectlCommand { verb: 'get' | 'describe' | 'edit' | 'portForward' | 'delete'; command: string }

/** Quotes a word for a POSIX shell when it needs it (context names may hold anything). */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function kubectlCommands(target: { context: string; namespace: string; name: string }, ports: Array<{ port: number; protocol: string }>): KubectlCommand[] {
  const base = `kubectl --context ${shellWord(target.context)} -n ${shellWord(target.namespace)}`;
  const tcp = ports.find((p) => p.protocol === 'TCP');
  // A local port above 1024 (no root needed): the Service port, or 8080 for the well-known ones.
  const local = tcp ? (tcp.port > 1024 ? tcp.port : 8000 + tcp.port) : null;
  return [
    { verb: 'get', command: `${base} get service ${target.name} -o yaml` },
    { verb: 'describe', command: `${base} describe service ${target.name}` },
    { verb: 'edit', command: `${base} edit service ${target.name}` },
    ...(tcp && local ? [{ verb: 'portForward' as const, command: `${base} port-forward service/${target.name} ${local}:${tcp.port}` }] : []),
    { verb: 'delete', command: `${base} delete service ${target.name}` },
  ];
}
