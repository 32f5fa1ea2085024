/**
 * Function source handling for {@link Memory}: a normalized source (comments and whitespace layout removed,
 * so reformatting does not invalidate a cache but any code edit does) and the parameter names (for `ignore`).
 */
const REGEX_PREV = new Set([
    '',
    '(',
    ',',
    '=',
    ':',
    '[',
    '!',
    '&',
    '|',
    '?',
    '{',
    '}',
    ';',
    '+',
    '-',
    '*',
    '%',
    '<',
    '>',
    '~',
    '^',
]);
/**
 * Returns `src` without comments and with every run of whitespace outside string, template and regex
 * literals collapsed to one space (dropped entirely next to punctuation).
 *
 * @example
 * ```ts
 * normalizeSource('(x) => {  // cube\n  return x ** 3;\n}') === normalizeSource('(x)=>{return x**3;}'); // true
 * ```
 */
export function normalizeSource(src) {
    let out = '';
    let pendingSpace = false;
    let i = 0;
    const n = src.length;
    const lastSignificant = () => {
        const t = out.trimEnd();
        return t.length === 0 ? '' : t[t.length - 1];
    };
    const emit = (s) => {
        if (pendingSpace && out.length > 0 && /[\w$]$/.test(out) && /^[\w$]/.test(s))
            out += ' ';
        pendingSpace = false;
        out += s;
    };
    while (i < n) {
        const c = src[i];
        const next = src[i + 1];
        if (/\s/.test(c)) {
            pendingSpace = true;
            i++;
        }
        else if (c === '/' && next === '/') {
            while (i < n && src[i] !== '\n')
                i++;
            pendingSpace = true;
        }
        else if (c === '/' && next === '*') {
            const end = src.indexOf('*/', i + 2);
            i = end < 0 ? n : end + 2;
            pendingSpace = true;
        }
        else if (c === '"' || c === "'" || c === '`') {
            const start = i;
            i = skipQuoted(src, i);
            emit(src.slice(start, i));
        }
        else if (c === '/' &&
            (REGEX_PREV.has(lastSignificant()) || /\b(return|typeof|case|in|of)$/.test(out))) {
            const start = i;
            i = skipRegex(src, i);
            emit(src.slice(start, i));
        }
        else {
            emit(c);
            i++;
        }
    }
    return out;
}
/** Index just past the string or template literal starting at `i` (templates' `${}` nest). */
function skipQuoted(src, i) {
    const q = src[i];
    i++;
    let depth = 0;
    while (i < src.length) {
        const c = src[i];
        if (c === '\\')
            i += 2;
        else if (q === '`' && depth === 0 && c === '$' && src[i + 1] === '{') {
            depth = 1;
            i += 2;
        }
        else if (depth > 0) {
            if (c === '{')
                depth++;
            else if (c === '}')
                depth--;
            else if (c === '"' || c === "'" || c === '`') {
                i = skipQuoted(src, i);
                continue;
            }
            i++;
        }
        else if (c === q)
            return i + 1;
        else
            i++;
    }
    return i;
}
function skipRegex(src, i) {
    i++;
    let inClass = false;
    while (i < src.length) {
        const c = src[i];
        if (c === '\\')
            i += 2;
        else if (c === '[' || c === ']') {
            inClass = c === '[';
            i++;
        }
        else if (c === '/' && !inClass) {
            i++;
            while (i < src.length && /[a-z]/i.test(src[i]))
                i++;
            return i;
        }
        else if (c === '\n')
            return i;
        else
            i++;
    }
    return i;
}
/**
 * The parameter names of `fn` in order; destructured parameters give `undefined` at their position,
 * a rest parameter gives its name. Used to resolve `ignore: ['verbose']`.
 *
 * @example
 * ```ts
 * paramNames(function f(a, b = 1, ...rest) {}); // ['a', 'b', 'rest']
 * ```
 */
export function paramNames(fn) {
    const src = normalizeSource(Function.prototype.toString.call(fn));
    let list;
    const arrow = /^(?:async )?([A-Za-z_$][\w$]*)=>/.exec(src);
    if (arrow)
        list = arrow[1];
    else {
        const open = src.indexOf('(');
        if (open < 0)
            return [];
        const close = matchingParen(src, open);
        list = src.slice(open + 1, close);
    }
    return splitTopLevel(list).map((p) => {
        const m = /^(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(p.trim());
        return m ? m[1] : undefined;
    });
}
function matchingParen(src, open) {
    let depth = 0;
    for (let i = open; i < src.length; i++) {
        const c = src[i];
        if (c === '"' || c === "'" || c === '`') {
            i = skipQuoted(src, i) - 1;
        }
        else if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}') {
            depth--;
            if (depth === 0)
                return i;
        }
    }
    return src.length;
}
function splitTopLevel(list) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < list.length; i++) {
        const c = list[i];
        if (c === '"' || c === "'" || c === '`')
            i = skipQuoted(list, i) - 1;
        else if (c === '(' || c === '[' || c === '{')
            depth++;
        else if (c === ')' || c === ']' || c === '}')
            depth--;
        else if (c === ',' && depth === 0) {
            parts.push(list.slice(start, i));
            start = i + 1;
        }
    }
    if (list.slice(start).trim() !== '')
        parts.push(list.slice(start));
    return parts;
}
//# sourceMappingURL=source.js.map