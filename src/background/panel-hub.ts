import type { TabId } from '../model/ids';
import { parseToBackground, type ToBackground, type ToPanel } from '../model/protocol';
import type { PanelPort } from '../platform/ports';

/** Keeps the open panel ports per tab and fans messages out to them. */
export class PanelHub {
  readonly #ports = new Map<TabId, Set<PanelPort>>();

  /**
   * Opens a panel's port with a snapshot (see snapshotMessages): posts its first message now and
   * keeps the others until the panel asks for them with `snapshot-rest` (they hold the log as it
   * was at connect time; the deltas posted meanwhile follow from it). Every other valid message
   * from the panel goes to `onMessage`.
   */
  connect(
    tabId: TabId,
    port: PanelPort,
    snapshot: readonly ToPanel[],
    onMessage: (message: ToBackground) => void,
  ): void {
    this.#add(tabId, port);
    const [first, ...rest] = snapshot;
    let unsent = rest;
    port.onMessage((raw) => {
      const message = parseToBackground(raw);
      if (message?.type === 'snapshot-rest') {
        for (const page of unsent) port.post(page);
        unsent = [];
      } else if (message !== null) onMessage(message);
    });
    if (first !== undefined) port.post(first);
  }

  #add(tabId: TabId, port: PanelPort): void {
    let ports = this.#ports.get(tabId);
    if (ports === undefined) {
      ports = new Set();
      this.#ports.set(tabId, ports);
    }
    ports.add(port);
    port.onDisconnect(() => this.#remove(tabId, port));
  }

  send(tabId: TabId, message: ToPanel): void {
    for (const port of this.#ports.get(tabId) ?? []) port.post(message);
  }

  /** Sends `message` to every open panel, whatever tab it inspects. */
  sendAll(message: ToPanel): void {
    for (const ports of this.#ports.values()) for (const port of ports) port.post(message);
  }

  forgetTab(tabId: TabId): void {
    this.#ports.delete(tabId);
  }

  #remove(tabId: TabId, port: PanelPort): void {
    const ports = this.#ports.get(tabId);
    ports?.delete(port);
    if (ports?.size === 0) this.#ports.delete(tabId);
  }
}
