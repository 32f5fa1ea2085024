/**
 * Node options for the worker threads polycore starts itself (the fallback's worker set, the
 * thread calibration): the parent's `execArgv` minus the flags that only make sense for the main
 * entry point. A worker inherits `--input-type=module` from `node --input-type=module -e '…'` and
 * then fails to load its file ("--input-type can only be used with string input").
 */

/**
 * `process.execArgv` without `--input-type` (either form).
 *
 * @example
 * ```ts
 * new Worker(url, { execArgv: workerExecArgv() });
 * ```
 */
export function workerExecArgv(): string[] {
  const argv = process.execArgv;
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--input-type') i++;
    else if (!flag.startsWith('--input-type=')) out.push(flag);
  }
  return out;
}
