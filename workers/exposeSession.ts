/**
 * The worker side of the Comlink boundary: a sheet session exposed on an endpoint (the worker's
 * global scope, or a MessagePort in tests). Patches move their typed arrays instead of copying
 * them: the session keeps its own arrays (the engine reads them for `=D16.f` and undo), so each
 * patch gets copies, which are then transferred.
 */
import * as Comlink from 'comlink';
import type { Patch, SessionApi } from '../src/session/contract';
import { transferablesOf } from './transferables';

/** What crosses the boundary; the page wraps it with Comlink.wrap (src/ui/client/sessionClient.ts). */
export type ExposedSession = Omit<SessionApi, 'connect'> & {
  connect(onPatch: Comlink.Remote<((patch: Patch) => void) & Comlink.ProxyMarked>): Promise<void>;
};

/** Deep copy of the typed arrays in a patch (plain objects and arrays are rebuilt, the rest shared). */
function withOwnArrays<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return (value as unknown as { slice(): T }).slice();
  if (Array.isArray(value)) return value.map(withOwnArrays) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = withOwnArrays(inner);
    return copy as T;
  }
  return value;
}

/** `exposeSession(createSheetSession({ compute }), self)` inside the worker. */
export function exposeSession(session: SessionApi, endpoint: Comlink.Endpoint): void {
  const exposed: ExposedSession = {
    connect(onPatch) {
      return session.connect((patch) => {
        const own = withOwnArrays(patch);
        // Fire and forget: a page that has gone away must not break the session.
        onPatch(Comlink.transfer(own, transferablesOf(own))).catch(() => undefined);
      });
    },
    open: (request) => session.open(request),
    apply: (rev, intent) => session.apply(rev, intent),
    ping: () => session.ping(),
    exportText: (kind) => session.exportText(kind),
  };
  Comlink.expose(exposed, endpoint);
}
