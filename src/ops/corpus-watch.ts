/**
 * Triggers for corpus reloads: a debounced fs.watch on the corpus folder (opt-in with
 * PAPERBOT_WATCH_CORPUS) and SIGHUP, the usual "re-read your files" signal.
 */
import { watch } from 'node:fs';
import { silentLogger, type Logger } from '../core/logger.js';

export interface Reloadable {
  reload(): Promise<unknown>;
}

export interface CorpusWatcher {
  close(): void;
}

/** Corpus files and the capture-date manifest; editor swap files and the like are ignored. */
export function isCorpusFile(name: string): boolean {
  return name.endsWith('.txt') || name === 'sources.json';
}

/**
 * Watches `dir` and reloads once changes have been quiet for `debounceMs`: copying a file or an
 * editor's save fires several events, and a reload in the middle would see a half-written file.
 * fs.watch may miss events on network or some container bind mounts; SIGHUP always works.
 */
export function watchCorpus(dir: string, target: Reloadable, options: { debounceMs?: number; logger?: Logger } = {}): CorpusWatcher {
  const log = options.logger ?? silentLogger;
  const debounceMs = options.debounceMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { persistent: false }, (_event, file) => {
    if (file && !isCorpusFile(String(file))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      log.info({ dir, file }, 'corpus folder changed; reloading');
      void target.reload();
    }, debounceMs);
  });
  watcher.on('error', (error) => log.warn({ err: error, dir }, 'corpus watcher stopped'));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

/** Reloads on SIGHUP (`docker kill -s HUP paperbot`). Returns a function that removes the handler. */
export function reloadOnSignal(
  target: Reloadable,
  options: { logger?: Logger; signal?: NodeJS.Signals; process?: Pick<NodeJS.Process, 'on' | 'off'> } = {},
): () => void {
  const proc = options.process ?? process;
  const signal = options.signal ?? 'SIGHUP';
  const handler = () => {
    (options.logger ?? silentLogger).info({ signal }, 'reloading the corpus');
    void target.reload();
  };
  proc.on(signal, handler);
  return () => proc.off(signal, handler);
}
