const EVENT = 'qianxing:inbox-changed';

/** Tells the account menu's unread badge that messages were read, so it counts again now. */
export function announceInboxChanged() {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `listener` whenever messages were read on this page; returns the unsubscribe. */
export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
