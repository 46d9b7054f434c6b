import { ChannelAdapter, SendRequest, SendResult } from './channel-adapter';
import { graphResult } from './graph-errors';
import { joinUrl, postJson } from './platform-http';

/** Where the Graph API is and how to call it (config: META_GRAPH_BASE_URL, META_ACCESS_TOKEN). */
export interface GraphApiSettings {
  /** e.g. `https://graph.facebook.com/v21.0`; a fake server's URL in tests. */
  readonly baseUrl: string;
  /** A system user's access token; sent as a Bearer header, never in the URL. */
  readonly accessToken: string;
  readonly timeoutMs: number;
}

/**
 * WhatsApp Cloud API: `POST {base}/{phone_number_id}/messages`. A text
 * message inside the 24-hour customer-service window; a template (approved
 * in WhatsApp Manager, parameters for the body) outside it.
 *
 * @example
 * await adapter.send({ accountId: '106540352242922', recipient: '6281234567890', content: { kind: 'text', text: 'Laporan diterima' } });
 */
export class WhatsAppAdapter implements ChannelAdapter {
  readonly platform = 'WHATSAPP' as const;

  constructor(private readonly settings: GraphApiSettings) {}

  async send(request: SendRequest): Promise<SendResult> {
    const { content } = request;
    const message =
      content.kind === 'text'
        ? { type: 'text', text: { preview_url: false, body: content.text } }
        : {
            type: 'template',
            template: {
              name: content.name,
              language: { code: content.language },
              components: content.parameters.length
                ? [{ type: 'body', parameters: content.parameters.map((text) => ({ type: 'text', text })) }]
                : [],
            },
          };
    const answer = await postJson(
      joinUrl(this.settings.baseUrl, `${encodeURIComponent(request.accountId)}/messages`),
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: request.recipient, ...message },
      { authorization: `Bearer ${this.settings.accessToken}` },
      this.settings.timeoutMs,
    );
    return graphResult(answer, (body) => (body.messages as Array<{ id?: string }> | undefined)?.[0]?.id);
  }
}
