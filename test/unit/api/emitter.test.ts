import { describe, expect, it } from 'vitest';
import { Emitter } from '../../../electron/api/emitter';

describe('Emitter', () => {
  it('calls each listener with what is emitted until it is removed, also when removed while emitting', () => {
    const emitter = new Emitter<[string, number]>();
    const seen: string[] = [];
    const offA = emitter.on((name, n) => seen.push(`a:${name}${n}`));
    const offB = emitter.on((name) => {
      seen.push(`b:${name}`);
      offB();
    });
    emitter.emit('x', 1);
    emitter.emit('y', 2);
    offA();
    emitter.emit('z', 3);
    expect(seen).toEqual(['a:x1', 'b:x', 'a:y2']);
    expect(emitter.size).toBe(0);
  });
});
