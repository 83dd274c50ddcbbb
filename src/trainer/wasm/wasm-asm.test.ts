import { describe, expect, it } from 'vitest';
import { assemble, i32, op, type FuncDef } from './wasm-asm';

describe('the WebAssembly assembler', () => {
  it('emits a valid module whose functions run and carry their names (for CPU profiles)', () => {
    const add: FuncDef = { name: 'add', params: [i32, i32], results: [i32], body: [op.get(0), op.get(1), op.i32add] };
    const twice: FuncDef = { name: 'twice', params: [i32], results: [i32], body: [op.get(0), op.i32(2), op.i32mul] };
    const module = new WebAssembly.Module(assemble([add, twice]) as BufferSource);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const ex = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<string, (...a: number[]) => number>;
    expect(ex.add(2, 3)).toBe(5);
    expect(ex.twice(21)).toBe(42);
    // The "name" section's function-names subsection: id 1, size, count, then (index, name) pairs.
    const [names] = WebAssembly.Module.customSections(module, 'name');
    const b = new Uint8Array(names);
    expect([b[0], b[2]]).toEqual([1, 2]);
    const text = new TextDecoder().decode(b.subarray(3));
    expect(text).toBe('\u0000\u0003add\u0001\u0005twice');
  });
});
