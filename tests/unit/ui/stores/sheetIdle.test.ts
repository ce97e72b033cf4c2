/**
 * The sheet store's idle flag, against a real session behind a MessageChannel: it turns false the
 * moment an intent is sent (not when its patch arrives, which is when the last patch still said
 * idle), and true again once the session has reflected every intent. Tests and the bench wait on it.
 */
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createComputeApi } from '../../../../src/compute/computeApi';
import { initTfBackend } from '../../../../src/compute/tfBackend';
import { createSheetSession } from '../../../../src/session/sheetSession';
import { createSessionClient, type SessionClient } from '../../../../src/ui/client/sessionClient';
import { createSheetStore } from '../../../../src/ui/stores/sheetStore';
import { exposeSession } from '../../../../workers/exposeSession';

describe('the sheet store is idle only when every intent sent is reflected', () => {
  let client: SessionClient | null = null;
  let dispose: (() => void) | null = null;
  afterEach(() => {
    dispose?.();
    client?.dispose();
  });

  it('turns busy as an edit is sent, before any patch, and idle once its patch says so', async () => {
    const compute = createComputeApi({ initTfBackend });
    client = createSessionClient({
      spawn: () => {
        const channel = new MessageChannel();
        exposeSession(createSheetSession({ compute }), channel.port1);
        return { endpoint: channel.port2, terminate: () => channel.port2.close(), onCrash: () => undefined };
      },
      timeoutMs: 30_000,
      startTimeoutMs: 30_000,
    });
    const sheet = createRoot((done) => {
      dispose = done;
      return createSheetStore({ client: client! });
    });
    await client.start({ linkText: null, savedText: null });
    await vi.waitFor(() => expect(sheet.idle()).toBe(true), { timeout: 30_000 });

    sheet.commit('C16', '0.3');
    // Synchronously: no patch can have arrived yet.
    expect(sheet.idle()).toBe(false);
    await vi.waitFor(() => expect(sheet.idle()).toBe(true), { timeout: 30_000 });
    expect(sheet.cell('C16')?.raw).toBe('0.3');
  }, 60_000);
});
