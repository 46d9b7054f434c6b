import { ChannelAdapter, SendRequest, SendResult } from './channel-adapter';
import { graphResult } from './graph-errors';
import { joinUrl, postJson } from './platform-http';
import type { GraphApiSettings } from './whatsapp.adapter';

/**
 * Messenger and Instagram messaging share the Send API:
 * `POST {base}/{page or Instagram account id}/messages` with
 * `{recipient:{id}, messaging_type, message:{text}}`. A reply inside the
 * 24-hour window is a RESPONSE; a status update outside it (a template) goes
 * as a MESSAGE_TAG with tag ACCOUNT_UPDATE, the tag Meta allows for a change
 * to something the person applied for.
 *
 * @example
 * new MetaSendApiAdapter('MESSENGER', settings).send({ accountId: pageId, recipient: psid, content: { kind: 'text', text: 'Halo' } });
 */
export class MetaSendApiAdapter implements ChannelAdapter {
  constructor(
    readonly platform: 'MESSENGER' | 'INSTAGRAM',
    private readonly settings: GraphApiSettings,
  ) {}

  async send(request: SendRequest): Promise<SendResult> {
    const { content } = request;
    const kind = content.kind === 'text' ? { messaging_type: 'RESPONSE' } : { messaging_type: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' };
    const answer = await postJson(
      joinUrl(this.settings.baseUrl, `${encodeURIComponent(request.accountId)}/messages`),
      { recipient: { id: request.recipient }, ...kind, message: { text: content.text } },
      { authorization: `Bearer ${this.settings.accessToken}` },
      this.settings.timeoutMs,
    );
    return graphResult(answer, (body) => body.message_id);
  }
}
