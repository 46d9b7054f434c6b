/**
 * The delivery bench's receivers (the webhook endpoint and the graphql-ws
 * subscribers) in a thread of their own: the load generator keeps the main
 * thread busy, and arrivals stamped by a busy event loop would measure the
 * bench, not the server. Commands come as messages; arrivals go back at the end.
 */
import { parentPort } from 'node:worker_threads';
import { WebhookReceiver } from './delivery-receiver';
import { BenchSubscriber } from './delivery-subscribers';

export type ReceiversCommand =
  | { type: 'start'; subscribers: number; token: string; wsUrls: string[] }
  | { type: 'secret'; secret: string }
  | { type: 'urls'; wsUrls: string[] }
  | { type: 'failing'; failing: boolean }
  | { type: 'status'; probeTicketId: string }
  | { type: 'arrived'; eventIds: string[]; webhookIds: string[] }
  | { type: 'collect' }
  | { type: 'stop' };

const port = parentPort!;
let receiver: WebhookReceiver | null = null;
let subscribers: BenchSubscriber[] = [];
let wsUrls: string[] = [];

port.on('message', (command: ReceiversCommand) => {
  void handle(command).then(
    (reply) => port.postMessage({ ok: true, reply }),
    (error: Error) => port.postMessage({ ok: false, error: error.message }),
  );
});

async function handle(command: ReceiversCommand): Promise<unknown> {
  switch (command.type) {
    case 'start': {
      wsUrls = command.wsUrls;
      receiver = await WebhookReceiver.start();
      subscribers = Array.from({ length: command.subscribers }, (_, i) => new BenchSubscriber(`subscriber ${i + 1}`, () => wsUrls, command.token, i));
      await Promise.all(subscribers.map((s) => s.start()));
      return { url: receiver.url };
    }
    case 'secret':
      receiver!.useSecret(command.secret);
      return null;
    case 'urls':
      wsUrls = command.wsUrls;
      return null;
    case 'failing':
      receiver!.failing = command.failing;
      return null;
    case 'status':
      return {
        probeEverywhere:
          subscribers.every((s) => s.received.some((e) => e.ticketId === command.probeTicketId)) &&
          receiver!.received.some((w) => w.ticketId === command.probeTicketId),
      };
    case 'arrived': {
      // Whether every subscriber has every event, and the endpoint every webhook (by message id).
      const has = (ids: Iterable<string>, wanted: string[]): boolean => {
        const set = new Set(ids);
        return wanted.every((id) => set.has(id));
      };
      return subscribers.every((s) => has(s.received.map((e) => e.messageId), command.eventIds)) && has(receiver!.received.map((w) => w.id), command.webhookIds);
    }
    case 'collect':
      return {
        subscribers: subscribers.map((s) => ({ name: s.name, received: s.received, reconnects: s.reconnects })),
        webhooks: { received: receiver!.received, refused: receiver!.refused, badSignatures: receiver!.badSignatures },
      };
    case 'stop':
      await Promise.all(subscribers.map((s) => s.stop()));
      await receiver?.stop();
      return null;
  }
}
