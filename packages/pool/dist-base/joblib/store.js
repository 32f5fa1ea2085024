/**
 * The file layout of a {@link Memory} location and its crash-safe file operations.
 *
 * ```
 * <location>/<function name>/<code hash>/version.json     the source and dependency hashes of that version
 * <location>/<function name>/<code hash>/<args hash>.pcj  one entry (see entry.ts)
 * ```
 * Every file is written to a unique temporary name in the same directory and renamed into place, so readers
 * (and other processes writing the same key) only ever see whole files; a writer killed mid-write leaves a
 * `*.tmp` file that readers ignore and `clear`/`reduceSize` remove. Directories are created 0o700, files 0o600.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, futimesSync, openSync, read, readSync, renameSync, unlinkSync, writevSync, } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
const readAsync = promisify(read);
/**
 * Files up to this size are read and written with synchronous calls: each asynchronous file operation costs a
 * round trip through libuv's thread pool (~50 µs here), more than reading or writing a small file.
 */
const SYNC_IO_BYTES = 1 << 20;
/** Suffix of entry files. */
export const ENTRY_EXT = '.pcj';
const TMP_EXT = '.tmp';
/** Temporary files older than this are debris from killed writers. */
const STALE_TMP_MS = 10 * 60_000;
/** Creates `dir` (and parents) with owner-only permissions. */
export async function ensureDir(dir) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
}
/**
 * Writes `chunks` to `path` atomically: a unique temporary file in the same directory, then rename.
 *
 * @example
 * ```ts
 * await atomicWrite(join(cacheDir, 'f', 'abc', '123.pcj'), [header, payload]);
 * ```
 */
export async function atomicWrite(path, chunks) {
    const tmp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}${TMP_EXT}`;
    const size = chunks.reduce((a, c) => a + c.byteLength, 0);
    if (size <= SYNC_IO_BYTES) {
        const fd = openSync(tmp, 'wx', 0o600);
        try {
            writevSync(fd, chunks);
            closeSync(fd);
            renameSync(tmp, path);
        }
        catch (e) {
            try {
                closeSync(fd);
            }
            catch {
                // already closed
            }
            try {
                unlinkSync(tmp);
            }
            catch {
                // never created or already renamed
            }
            throw e;
        }
        return;
    }
    const fh = await open(tmp, 'wx', 0o600);
    try {
        await fh.writev(chunks);
    }
    catch (e) {
        await fh.close();
        await unlink(tmp).catch(() => { });
        throw e;
    }
    await fh.close();
    try {
        await rename(tmp, path);
    }
    catch (e) {
        await unlink(tmp).catch(() => { });
        throw e;
    }
}
/**
 * Reads a whole entry file in one read, or returns `undefined` when it does not exist. With `touch`, also
 * marks it as just used (its access time drives least-recently-used eviction).
 */
export async function readIfExists(path, touch = false) {
    let fd;
    try {
        fd = openSync(path, 'r');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw e;
    }
    try {
        const { size } = fstatSync(fd);
        const buf = Buffer.allocUnsafeSlow(size);
        const small = size <= SYNC_IO_BYTES;
        let at = 0;
        while (at < size) {
            // Large files: one read on libuv's thread pool, so the event loop keeps running meanwhile.
            const n = small
                ? readSync(fd, buf, at, size - at, at)
                : (await readAsync(fd, buf, at, size - at, at)).bytesRead;
            if (n === 0)
                break;
            at += n;
        }
        if (touch)
            markUsed(fd);
        return at === size ? buf : buf.subarray(0, at);
    }
    finally {
        closeSync(fd);
    }
}
function markUsed(fd) {
    try {
        const now = new Date();
        futimesSync(fd, now, now);
    }
    catch {
        // read-only cache: eviction order just gets less precise
    }
}
/** True when `path` exists. */
export async function exists(path) {
    try {
        await access(path);
        return true;
    }
    catch {
        return false;
    }
}
/** Lists a directory's names, or [] when it does not exist. */
export async function list(dir) {
    try {
        return await readdir(dir);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return [];
        throw e;
    }
}
/**
 * Walks `root` (all functions) or one function's directory, returning every entry file and removing temporary
 * files left by killed writers.
 */
export async function walkEntries(root, depth) {
    const dirs = depth === 2 ? (await list(root)).map((d) => join(root, d)) : [root];
    const out = [];
    for (const fnDir of dirs) {
        for (const version of await list(fnDir)) {
            const vdir = join(fnDir, version);
            for (const name of await list(vdir)) {
                const path = join(vdir, name);
                const st = await stat(path).catch(() => undefined);
                if (!st)
                    continue;
                if (name.endsWith(TMP_EXT)) {
                    if (Date.now() - st.mtimeMs > STALE_TMP_MS)
                        await rm(path, { force: true });
                }
                else if (name.endsWith(ENTRY_EXT)) {
                    out.push({ path, size: st.size, accessedAt: Math.max(st.atimeMs, st.mtimeMs) });
                }
            }
        }
    }
    return out;
}
/** Removes a file or directory tree, ignoring one that is already gone. */
export async function remove(path) {
    await rm(path, { recursive: true, force: true });
}
//# sourceMappingURL=store.js.map