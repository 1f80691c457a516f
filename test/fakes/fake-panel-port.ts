import type { ToPanel } from '../../src/model/protocol';
import type { PanelPort } from '../../src/platform/ports';

/** The worker's end of a panel port, recording what was posted and able to simulate a disconnect. */
export class FakePanelPort implements PanelPort {
  readonly posted: ToPanel[] = [];
  readonly #disconnectListeners: Array<() => void> = [];
  readonly #messageListeners: Array<(message: unknown) => void> = [];

  post(message: ToPanel): void {
    this.posted.push(structuredClone(message));
  }

  onMessage(listener: (message: unknown) => void): void {
    this.#messageListeners.push(listener);
  }

  onDisconnect(listener: () => void): void {
    this.#disconnectListeners.push(listener);
  }

  /** Delivers `message` as if the panel had sent it. */
  receive(message: unknown): void {
    for (const listener of this.#messageListeners) listener(message);
  }

  disconnect(): void {
    for (const listener of this.#disconnectListeners) listener();
  }
}
