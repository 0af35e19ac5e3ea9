type DetailOf<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a typed event that crosses shadow roots, so `<clipdesk-app>` hears what its children
 * report without them knowing who listens. Event names and details are declared per component.
 */
export function emit<K extends keyof HTMLElementEventMap>(from: EventTarget, type: K, detail: DetailOf<K>): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
