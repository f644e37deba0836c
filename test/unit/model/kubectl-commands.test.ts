import { describe, expect, it } from 'vitest';
import { kubectlCommands, shellWord } from '../../../renderer/src/model/kubectl-commands';

describe('kubectlCommands', () => {
  it('offers get, describe, edit, port-forward (first TCP port) and delete for exactly this Service', () => {
    const commands = kubectlCommands({ context: 'prod-east', namespace: 'shop', name: 'web' }, [{ port: 53, protocol: 'UDP' }, { port: 80, protocol: 'TCP' }]);
    expect(commands.map((c) => c.command)).toEqual([
      'kubectl --context prod-east -n shop get service web -o yaml',
      'kubectl --context prod-east -n shop describe service web',
      'kubectl --context prod-east -n shop edit service web',
      'kubectl --context prod-east -n shop port-forward service/web 8080:80',
      'kubectl --context prod-east -n shop delete service web',
    ]);
    expect(kubectlCommands({ context: 'c', namespace: 'n', name: 's' }, [{ port: 9090, protocol: 'TCP' }])[3]!.command).toContain('9090:9090');
    expect(kubectlCommands({ context: 'c', namespace: 'n', name: 's' }, []).map((c) => c.verb)).toEqual(['get', 'describe', 'edit', 'delete']);
  });

  it('quotes context names a shell would split', () => {
    expect(shellWord("arn:aws:eks:eu-west-1:1:cluster/prod")).toBe('arn:aws:eks:eu-west-1:1:cluster/prod');
    expect(shellWord("my ctx's")).toBe("'my ctx'\\''s'");
  });
});
