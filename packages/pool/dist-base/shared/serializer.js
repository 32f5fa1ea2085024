/**
 * Registers the shared primitives with the pool's argument codec, so a `Queue`, `Lock`, `Value`,
 * `Pipe` end, `SharedMemory`, `Manager` proxy or a view over shared memory (`RawArray`,
 * `new Float64Array(shm.buffer)`) handed to a worker as a task argument arrives as the same
 * object over the same memory. Importing this module registers it.
 * @module
 */
import { MARK, registerSerializer } from '../codec.js';
import { setBigArrayProvider } from '../transport/bigArrays.js';
import { ctorOf, nameOf } from './ctypes.js';
import { shmBinding } from './native.js';
import { isShareable, registerKind, revive, SHARE } from './shareable.js';
import { SharedMemory } from './shared-memory.js';
import { viewFrom } from './value.js';
import './kinds.js';
function sharedView(v) {
    if (v instanceof ArrayBuffer)
        return SharedMemory.of(v);
    if (ArrayBuffer.isView(v) && !(v instanceof DataView))
        return SharedMemory.of(v.buffer);
    return undefined;
}
/**
 * The wire form of a shared primitive or a view over shared memory, for `backend`.
 *
 * @example
 * ```ts
 * const data = toShared(queue, 'processes'); // { k: 'Queue', r: { t: 'shm', name: 'pc.…' } }
 * ```
 */
export function toShared(v, backend) {
    if (isShareable(v))
        return v[SHARE](backend);
    if (v instanceof SharedMemory)
        return { k: 'SharedMemory', name: v.name };
    const shm = sharedView(v);
    if (v instanceof ArrayBuffer)
        return { k: 'View', r: { t: 'shm', name: shm.name }, t: 'buffer' };
    const view = v;
    const t = nameOf(ctorOf(view.constructor));
    return { k: 'View', r: { t: 'shm', name: shm.name }, t, b: view.byteOffset, n: view.length };
}
registerKind('SharedMemory', (d) => SharedMemory.attach(d.name));
registerKind('View', (d) => viewFrom(d));
registerSerializer({
    name: 'polycore.shared',
    module: import.meta.url,
    test: (v, backend) => backend !== 'inline' && (isShareable(v) || v instanceof SharedMemory || sharedView(v) !== undefined),
    serialize: (v, backend) => toShared(v, backend),
    deserialize: (d) => revive(d),
});
registerKind('BigArray', (d) => {
    const v = viewFrom(d);
    SharedMemory.unlink(d.name); // the receiver owns it now: nobody else attaches
    return v;
});
/**
 * Big typed arrays sent to process workers travel through a fresh segment: the parent copies the
 * array in once, the worker maps it (no copy) and unlinks the name. The parent unlinks any left
 * over (a worker that died first) at exit.
 */
const CTOR_OK = new Set([
    Int8Array,
    Uint8Array,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
]);
setBigArrayProvider({
    available: () => shmBinding() !== null, // loads the native core on the first big array only
    encode(view) {
        if (view instanceof DataView || !CTOR_OK.has(view.constructor))
            return undefined;
        const shm = new SharedMemory({ size: Math.max(1, view.byteLength) });
        new Uint8Array(shm.buffer).set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
        const t = nameOf(ctorOf(view.constructor));
        const n = view.length;
        shm.close();
        return {
            [MARK]: 'polycore.shared',
            d: { k: 'BigArray', r: { t: 'shm', name: shm.name }, name: shm.name, t, b: 0, n },
        };
    },
});
//# sourceMappingURL=serializer.js.map