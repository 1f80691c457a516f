/**
 * A minimal WebDriver BiDi client over `ws`: commands with ids, and events by method. Firefox has
 * BiDi built in, so no geckodriver is needed (see README.md, "Test").
 */
import WebSocket from 'ws';

interface Pending {
  method: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class BidiClient {
  readonly #socket: WebSocket;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  #nextId = 1;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => this.#receive(String(data)));
    socket.on('close', () => {
      for (const { method, reject } of this.#pending.values()) reject(new Error(`BiDi closed during ${method}`));
      this.#pending.clear();
    });
  }

  static connect(url: string): Promise<BidiClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new BidiClient(socket)));
      socket.once('error', reject);
    });
  }

  send<Result = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<Result> {
    const id = this.#nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.#pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject });
      this.#socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(method: string, listener: (params: Record<string, unknown>) => void): () => void {
    const set = this.#listeners.get(method) ?? new Set();
    this.#listeners.set(method, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  close(): void {
    this.#socket.close();
  }

  #receive(text: string): void {
    const message = JSON.parse(text) as {
      id?: number;
      type?: string;
      method?: string;
      params?: Record<string, unknown>;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (message.id !== undefined) {
      const pending = this.#pending.get(message.id);
      if (pending === undefined) return;
      this.#pending.delete(message.id);
      if (message.type === 'error')
        pending.reject(new Error(`${pending.method}: ${message.error}: ${message.message}`));
      else pending.resolve(message.result);
      return;
    }
    if (message.method !== undefined) {
      for (const listener of this.#listeners.get(message.method) ?? []) listener(message.params ?? {});
    }
  }
}
