/** Messages between the run and a receiver process (clients.ts), over the fork IPC channel. */

export interface ConnectOrder {
  type: 'connect';
  clients: Array<{ url: string; token: string }>;
  /** Conversation ids by index: deliveries are reported by index to keep the arrays numeric. */
  conversationIds: string[];
}

export interface CollectOrder {
  type: 'collect';
}

export type ToReceiver = ConnectOrder | CollectOrder;

export interface Connected {
  type: 'connected';
  ok: number;
  failed: number;
  firstError: string;
}

/** Every `chat` event received: conversation index, seq, and receive time (monotonicMs). */
export interface Deliveries {
  type: 'deliveries';
  conversation: Int32Array;
  seq: Int32Array;
  at: Float64Array;
  /** Sockets that closed during the run (each would miss everything after). */
  dropped: number;
  cpuSeconds: number;
}

export type FromReceiver = Connected | Deliveries;
