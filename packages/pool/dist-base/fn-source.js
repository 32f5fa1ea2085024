/**
 * Turning a task into something a worker can load: a self-contained function's source (checked
 * for free variables with a small scope analysis over acorn's AST), a known built-in, or a module
 * export ({@link task}).
 * @module
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const require = createRequire(import.meta.url);
let acorn;
const parse = (src) => {
    acorn ??= require('acorn');
    return acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'script' });
};
/** Names a task function may use without defining them (besides the worker's globals). */
const ALLOWED = new Set(['require', 'arguments', 'undefined', 'NaN', 'Infinity', 'globalThis']);
const byFn = new WeakMap();
const bySpec = new Map();
/** Checked sources by function text: closures made in a loop are parsed once. */
const byText = new Map();
let nextId = 1;
function entryFor(key, spec, fn) {
    let e = bySpec.get(key);
    if (!e) {
        e = { id: nextId++, spec, fn };
        bySpec.set(key, e);
    }
    return fn && e.fn !== fn ? { ...e, fn } : e;
}
/**
 * A reference to a module's export, to run in workers with full typing.
 *
 * @example
 * ```ts
 * import { Pool, task } from '@polycore/pool';
 * const cube = task<typeof import('./work.js').cube>(new URL('./work.js', import.meta.url), 'cube');
 * const out = await new Pool().map(cube, [1, 2, 3]); // number[]
 * ```
 */
export function task(url, exportName = 'default') {
    let href;
    if (url instanceof URL)
        href = url.href;
    else if (typeof url === 'string' && url !== '')
        href = /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url) ? url : pathToFileURL(url).href;
    else
        throw new TypeError('task(url, exportName): url must be a URL or a non-empty string');
    if (typeof exportName !== 'string' || exportName === '')
        throw new TypeError('task(url, exportName): exportName must be a non-empty string');
    return Object.freeze({ kind: 'module', url: href, exportName });
}
/**
 * True when `v` is a {@link TaskRef}.
 *
 * @example
 * ```ts
 * isTaskRef(task(new URL('./work.js', import.meta.url), 'cube')); // true
 * ```
 */
export function isTaskRef(v) {
    return (typeof v === 'object' &&
        v !== null &&
        v.kind === 'module' &&
        typeof v.url === 'string');
}
let builtins;
function builtinName(fn) {
    if (!builtins) {
        builtins = new Map();
        for (const ns of ['Math', 'JSON', 'Number', 'Object', 'Array', 'String', 'Reflect', 'Atomics', 'Date']) {
            const o = globalThis[ns];
            for (const k of Object.getOwnPropertyNames(o)) {
                const v = Object.getOwnPropertyDescriptor(o, k)?.value;
                if (typeof v === 'function' && !builtins.has(v))
                    builtins.set(v, `${ns}.${k}`);
            }
        }
        for (const g of [
            'Number',
            'String',
            'Boolean',
            'BigInt',
            'parseInt',
            'parseFloat',
            'isNaN',
            'isFinite',
            'structuredClone',
            'encodeURIComponent',
            'decodeURIComponent',
        ]) {
            builtins.set(globalThis[g], g);
        }
    }
    return builtins.get(fn);
}
/**
 * Resolves a task (function or {@link TaskRef}) to its wire entry, cached per function. Throws a
 * TypeError at the call when it is not a function, is a class, or uses variables of its enclosing scope.
 *
 * @example
 * ```ts
 * resolveFn((x: number) => x ** 3, 'fn').spec; // { kind: 'source', source: '(x) => x ** 3', name: '' }
 * ```
 */
export function resolveFn(fn, argName) {
    if (isTaskRef(fn))
        return entryFor(`m:${fn.url}#${fn.exportName}`, { kind: 'module', url: fn.url, exportName: fn.exportName }, undefined);
    if (typeof fn !== 'function') {
        throw new TypeError(`${argName} must be a function or a task(url, exportName) reference, got ${fn === null ? 'null' : typeof fn}`);
    }
    const hit = byFn.get(fn);
    if (hit)
        return hit;
    const builtin = builtinName(fn);
    const name = fn.name;
    let source;
    if (builtin)
        source = builtin;
    else {
        const text = Function.prototype.toString.call(fn);
        const known = byText.get(text);
        // Closures made in a loop share their text: reuse the check without growing the WeakMap (its GC cost is high).
        if (known)
            return known.fn === fn ? known : { id: known.id, spec: known.spec, fn: fn };
        if (/^class\b/.test(text))
            throw new TypeError(`${argName} is a class; pass a function (or a task(url, exportName) reference)`);
        if (/\{\s*\[native code\]\s*\}\s*$/.test(text)) {
            throw new TypeError(`${argName} (${name || 'anonymous'}) is a bound or native function whose source cannot be sent; wrap it: (x) => f(x), or use task(url, exportName)`);
        }
        source = checkedSource(text, name || 'anonymous', argName);
    }
    const entry = entryFor(`s:${source}`, { kind: 'source', source, name }, fn);
    byFn.set(fn, entry);
    if (!builtin && byText.size < 10_000)
        byText.set(Function.prototype.toString.call(fn), entry);
    return entry;
}
/** Makes `text` (a function's toString) an expression and checks it has no free variables. */
function checkedSource(text, name, argName) {
    let expr = `(${text})`;
    let ast;
    try {
        ast = parse(expr);
    }
    catch {
        // method shorthand: `cube(x) { ... }`, `async *gen() {}`
        expr = `(o => o[Object.keys(o)[0]])({${text}})`;
        try {
            ast = parse(expr);
        }
        catch (e) {
            throw new TypeError(`${argName} (${name}): its source could not be parsed for sending to a worker: ${e.message}`);
        }
    }
    const free = freeVariables(ast);
    for (const v of free) {
        if (!(v in globalThis) && !ALLOWED.has(v)) {
            throw new TypeError(`${argName} (${name}) refers to '${v}', a variable from its enclosing scope; task functions run in a worker and must be self-contained: pass '${v}' as an argument, or move the function into a module and use task(url, exportName)`);
        }
    }
    return expr;
}
const FUNCTION = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
function bindingNames(p, out) {
    if (!p)
        return;
    switch (p.type) {
        case 'Identifier':
            out.add(p.name);
            break;
        case 'ObjectPattern':
            for (const q of p.properties)
                bindingNames(q.type === 'RestElement' ? q.argument : q.value, out);
            break;
        case 'ArrayPattern':
            for (const q of p.elements)
                bindingNames(q, out);
            break;
        case 'AssignmentPattern':
            bindingNames(p.left, out);
            break;
        case 'RestElement':
            bindingNames(p.argument, out);
            break;
    }
}
/** Declarations of a function body (hoisted to the function: a safe over-approximation for let/const). */
function declarations(node, out) {
    if (!node || typeof node !== 'object')
        return;
    if (Array.isArray(node)) {
        for (const n of node)
            declarations(n, out);
        return;
    }
    if (typeof node.type !== 'string')
        return;
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') {
        if (node.id)
            out.add(node.id.name);
        if (node.type === 'FunctionDeclaration')
            return;
    }
    if (FUNCTION.has(node.type) || node.type === 'ClassExpression')
        return;
    if (node.type === 'VariableDeclarator')
        bindingNames(node.id, out);
    if (node.type === 'CatchClause')
        bindingNames(node.param, out);
    for (const k in node)
        if (k !== 'type' && k !== 'start' && k !== 'end')
            declarations(node[k], out);
}
/** Free identifiers referenced by an expression AST. */
export function freeVariables(ast) {
    const free = new Set();
    const scopes = [];
    const bound = (n) => scopes.some((s) => s.has(n));
    const visitPattern = (p) => {
        if (!p)
            return;
        switch (p.type) {
            case 'ObjectPattern':
                for (const q of p.properties) {
                    if (q.type === 'RestElement')
                        visitPattern(q.argument);
                    else {
                        if (q.computed)
                            visit(q.key);
                        visitPattern(q.value);
                    }
                }
                break;
            case 'ArrayPattern':
                for (const q of p.elements)
                    visitPattern(q);
                break;
            case 'AssignmentPattern':
                visitPattern(p.left);
                visit(p.right);
                break;
            case 'RestElement':
                visitPattern(p.argument);
                break;
            case 'Identifier':
                break;
            default:
                visit(p);
        }
    };
    const children = (n) => {
        for (const k in n) {
            if (k === 'type' || k === 'start' || k === 'end')
                continue;
            const c = n[k];
            if (Array.isArray(c))
                for (const x of c)
                    visit(x);
            else if (c && typeof c === 'object' && typeof c.type === 'string')
                visit(c);
        }
    };
    const visit = (n) => {
        if (!n || typeof n.type !== 'string')
            return;
        if (FUNCTION.has(n.type)) {
            const scope = new Set(['arguments']);
            if (n.type !== 'FunctionDeclaration' && n.id)
                scope.add(n.id.name);
            for (const p of n.params)
                bindingNames(p, scope);
            declarations(n.body, scope);
            scopes.push(scope);
            for (const p of n.params)
                visitPattern(p);
            visit(n.body);
            scopes.pop();
            return;
        }
        switch (n.type) {
            case 'Identifier':
                if (!bound(n.name))
                    free.add(n.name);
                return;
            case 'ClassDeclaration':
            case 'ClassExpression': {
                const scope = new Set(n.id ? [n.id.name] : []);
                scopes.push(scope);
                visit(n.superClass);
                visit(n.body);
                scopes.pop();
                return;
            }
            case 'VariableDeclarator':
                visitPattern(n.id);
                visit(n.init);
                return;
            case 'CatchClause': {
                const scope = new Set();
                bindingNames(n.param, scope);
                scopes.push(scope);
                visitPattern(n.param);
                visit(n.body);
                scopes.pop();
                return;
            }
            case 'MemberExpression':
                visit(n.object);
                if (n.computed)
                    visit(n.property);
                return;
            case 'Property':
            case 'MethodDefinition':
            case 'PropertyDefinition':
                if (n.computed)
                    visit(n.key);
                visit(n.value);
                return;
            case 'LabeledStatement':
                visit(n.body);
                return;
            case 'BreakStatement':
            case 'ContinueStatement':
            case 'MetaProperty':
                return;
            default:
                children(n);
        }
    };
    visit(ast);
    return free;
}
//# sourceMappingURL=fn-source.js.map