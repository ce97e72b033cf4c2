/**
 * Give the event loop a turn so queued messages (a newer request, a cancel) are handled while a
 * long run is in progress. setImmediate in Node; a MessageChannel round trip in browsers, because
 * nested setTimeout(0) calls are clamped to 4 ms there.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') {
    return new Promise((resolve) => setImmediate(resolve));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
