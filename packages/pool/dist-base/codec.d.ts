/**
 * The argument codec: how task arguments and results cross to workers and back.
 *
 * Values are structured-cloned, except those a registered {@link Serializer} claims (for example a
 * shared `Queue` or `SharedMemory` handle): those are replaced by a small marker object and rebuilt
 * on the other side. The walk visits arguments, array elements and plain-object properties (up to
 * {@link MAX_DEPTH} levels), so it stays cheap when no special value is present, and rejects values
 * that cannot be sent (functions, symbols) with a TypeError naming where they were.
 * @module
 */
/** Which side of a pool a value is encoded for. */
export type CodecBackend = 'threads' | 'processes' | 'inline';
/** Something postMessage / advanced IPC serialization can carry. */
export type StructuredCloneable = unknown;
/**
 * Teaches pools to send a kind of value to workers: `test` claims a value, `serialize` turns it into
 * structured-cloneable data, `deserialize` rebuilds it in the worker (and, for results, in the parent).
 */
export interface Serializer<T = unknown, D = StructuredCloneable> {
    /** Unique name, also the tag of the marker on the wire. */
    name: string;
    /**
     * URL (`import.meta.url`) of a module that registers this serializer when imported. Workers import
     * it the first time they meet the tag, so the worker side can decode. Omit only for serializers
     * registered by `@polycore/pool` itself.
     */
    module?: string | URL;
    /** True when this serializer handles `value` (called for objects only, with the target backend). */
    test(value: unknown, backend: CodecBackend): boolean;
    /** Turns `value` into structured-cloneable data for `backend`. */
    serialize(value: T, backend: CodecBackend, ctx: EncodeContext): D;
    /** Rebuilds the value from `data` (on the receiving side). */
    deserialize(data: D, backend: CodecBackend): unknown;
}
/** Extra information the encoder collects while walking (for thread transfer lists). */
export interface EncodeContext {
    /** ArrayBuffers to transfer with the message (threads backend with `transfer: true`), else undefined. */
    transfer: ArrayBuffer[] | undefined;
    /** Large typed arrays for process workers (see transport/bigArrays.ts): claims and encodes them. */
    big?: {
        test(v: ArrayBufferView): boolean;
        encode(v: ArrayBufferView): unknown;
    } | undefined;
}
/** The context of calls that neither transfer nor use shared memory. */
export declare const NO_CTX: EncodeContext;
/** Key of the marker object that stands for a serialized special value. */
export declare const MARK = "__polycore$codec";
/** How deep the walk goes into arrays and plain objects. */
export declare const MAX_DEPTH = 8;
/** Changes whenever a serializer is registered or removed (pools resend module URLs to workers). */
export declare function codecVersion(): number;
/**
 * Registers a {@link Serializer} used for task arguments and results on every backend.
 * Registering a name again replaces the earlier serializer.
 *
 * @example
 * ```ts
 * import { registerSerializer } from '@polycore/pool';
 * class Point { constructor(public x: number, public y: number) {} }
 * registerSerializer<Point, [number, number]>({
 *   name: 'example.Point',
 *   module: import.meta.url, // this module registers it, so workers can import it
 *   test: (v) => v instanceof Point,
 *   serialize: (p) => [p.x, p.y],
 *   deserialize: ([x, y]) => new Point(x, y),
 * });
 * ```
 */
export declare function registerSerializer<T, D>(serializer: Serializer<T, D>): void;
/**
 * Removes a serializer by name; returns whether it was registered.
 *
 * @example
 * ```ts
 * unregisterSerializer('example.Point'); // true if it was registered
 * ```
 */
export declare function unregisterSerializer(name: string): boolean;
/**
 * The serializer registered under `name`, if any.
 *
 * @example
 * ```ts
 * getSerializer('polycore.shared')?.module; // URL of the module that registers it
 * ```
 */
export declare function getSerializer(name: string): Serializer | undefined;
/** Names and module URLs of registered serializers that declare a module (sent to workers). */
export declare function serializerModules(): Record<string, string>;
/** Result of {@link encode}: the value to send and whether the receiver must {@link decode} it. */
export interface Encoded {
    value: unknown;
    encoded: boolean;
}
/**
 * Validates `value` and replaces special values by markers for `backend`. `root` names the value in
 * error messages (e.g. `'args'`). Throws a TypeError naming the path of an unsendable value.
 *
 * @example
 * ```ts
 * const { value, encoded } = encode([1, { a: 2 }], 'threads', 'args'); // nothing special: same array, encoded false
 * ```
 */
export declare function encode(value: unknown, backend: CodecBackend, root: string, ctx?: EncodeContext, indexOffset?: number): Encoded;
/**
 * Rebuilds values encoded by {@link encode}. Call only when `encoded` was true.
 *
 * @example
 * ```ts
 * const { value, encoded } = encode(args, 'threads', 'args');
 * const back = encoded ? decode(value, 'threads') : value;
 * ```
 */
export declare function decode(value: unknown, backend: CodecBackend, depth?: number): unknown;
/**
 * Like {@link encode}, without the wrapper object: returns `value` itself when nothing needed
 * replacing (so `result !== value` means the receiver must decode).
 *
 * @example
 * ```ts
 * const args = [1, 2];
 * encodeValue(args, 'threads', 'args') === args; // true: nothing special
 * ```
 */
export declare function encodeValue(value: unknown, backend: CodecBackend, root: string, ctx?: EncodeContext, indexOffset?: number): unknown;
/** Tags of markers inside an encoded value (so a worker can import their modules first). */
export declare function collectTags(value: unknown, out: Set<string>, depth?: number): Set<string>;
//# sourceMappingURL=codec.d.ts.map