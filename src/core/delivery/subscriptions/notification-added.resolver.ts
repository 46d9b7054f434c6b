import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Resolver, Subscription } from '@nestjs/graphql';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import type { PublishedRecord } from '../../shared';
import { DeliveryMetrics, type FeedObserver } from '../delivery.metrics';
import { NotificationInbox } from '../notifications/notification-inbox.service';
import { StaffNotificationModel } from '../notifications/notification.model';
import { toModel } from '../notifications/notification.resolver';
import { MAX_QUEUED } from './subscription-feed';
import { PublishedStream } from './published-stream';

interface Inbox {
  push(notification: StaffNotificationModel): void;
}

/**
 * Pushes each new staff notification to its recipient's open screens. The
 * notifications of a published batch are read once per process (one query
 * for every subscriber), only while someone subscribes. There is no cursor:
 * after a reconnect a screen reloads `myNotifications`, which holds them all.
 */
@Injectable()
export class NotificationPush implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationPush');
  private readonly inboxes = new Map<string, Set<Inbox>>();
  private stop: (() => void) | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly stream: PublishedStream,
    private readonly inbox: NotificationInbox,
  ) {}

  onModuleDestroy(): void {
    this.stop?.();
  }

  open(username: string, inbox: Inbox): () => void {
    const set = this.inboxes.get(username) ?? new Set<Inbox>();
    this.inboxes.set(username, set.add(inbox));
    this.stop ??= this.stream.listen((batch) => {
      // One batch after another, so a screen sees notifications in the order they were published.
      this.chain = this.chain.then(() => this.deliver(batch));
    });
    return () => {
      set.delete(inbox);
      if (set.size === 0) this.inboxes.delete(username);
      if (this.inboxes.size === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  }

  private async deliver(batch: readonly PublishedRecord[]): Promise<void> {
    if (this.inboxes.size === 0) return;
    try {
      for (const record of await this.inbox.notificationsFor(batch.map((m) => m.id))) {
        for (const inbox of this.inboxes.get(record.username) ?? []) inbox.push(toModel(record));
      }
    } catch (error) {
      // Nothing is lost: the notification is in myNotifications; the screen shows it on its next load.
      this.logger.warn({ err: error }, 'Pushing notifications failed');
    }
  }
}

/** `notificationAdded`: your own new notifications, as they are written. */
@Resolver()
export class NotificationAddedResolver {
  constructor(
    private readonly push: NotificationPush,
    private readonly metrics: DeliveryMetrics,
  ) {}

  @Subscription(() => StaffNotificationModel, {
    resolve: (notification: StaffNotificationModel) => notification,
    description: 'Each new notification of yours as it is written. After a reconnect, reload myNotifications (there is no cursor).',
  })
  notificationAdded(@CurrentActor() actor: Actor): AsyncIterableIterator<StaffNotificationModel> {
    return queueFeed((inbox) => this.push.open(actor.userId, inbox), this.metrics.feed('notificationAdded'));
  }
}

function queueFeed(open: (inbox: Inbox) => () => void, observer: FeedObserver): AsyncIterableIterator<StaffNotificationModel> {
  const queue: StaffNotificationModel[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const close = open({
    push: (n) => {
      // A screen this far behind is not reading: drop the oldest, myNotifications still has them.
      if (queue.length >= MAX_QUEUED) queue.shift();
      queue.push(n);
      wake?.();
    },
  });
  observer.opened();
  const finish = (): void => {
    if (done) return;
    done = true;
    close();
    observer.closed();
    wake?.();
  };
  const iterator: AsyncIterableIterator<StaffNotificationModel> = {
    async next() {
      for (;;) {
        if (done) return { value: undefined, done: true };
        const next = queue.shift();
        if (next) {
          observer.pushed(next.createdAt);
          return { value: next, done: false };
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
    async return() {
      finish();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
