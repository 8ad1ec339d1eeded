import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { uuidSchema } from '../../../src/lib/bird/common';
import { presignRequestSchema } from '../../../src/lib/bird/presigned-upload';
import { parseWithDetails } from '../../../src/lib/bird/validation-details';
import { BirdError, invalidPayload, notFound } from '../http/errors';
import { requireJsonBody } from '../http/json-body';
import { publicBaseUrl } from '../http/origin';
import '../http/route-config';
import { mediaHeaders } from './media-headers';
import { CHANNEL_LESS_MEDIA_CHANNEL, UPLOAD_PATH_SEGMENT } from './media-urls';
import type { SandboxMedia } from './sandbox-media';
import { formLimits, isFilePart } from './upload-form';
import { entityTooLarge } from './upload-errors';

export interface MediaRoutesOptions {
  media: SandboxMedia;
}

/** Room for the form's fields and part headers on top of the file, before reading a byte. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

interface WorkspaceParams {
  workspaceId: string;
}
interface ChannelParams extends WorkspaceParams {
  channelId: string;
}
interface UploadedMediaParams extends ChannelParams {
  mediaId: string;
}
interface MessageMediaParams extends WorkspaceParams {
  messageId: string;
  mediaId: string;
}

const isUuid = (value: string): boolean => uuidSchema.safeParse(value).success;

/** E10 in its own context: multipart parsing, and no AccessKey (the signature is the key). */
const uploadRoute: FastifyPluginAsync<MediaRoutesOptions> = async (app, { media }) => {
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  const notMultipart = (): BirdError =>
    new BirdError(415, 'The upload must be a multipart/form-data form');
  app.addContentTypeParser('*', (_request, _payload, done) => {
    done(notMultipart(), undefined);
  });

  app.post<{ Params: { bucket: string } }>(
    `/${UPLOAD_PATH_SEGMENT}/:bucket`,
    { config: { skipAccessKey: true } },
    async (request, reply) => {
      if (!request.isMultipart()) throw notMultipart();
      const declared = Number(request.headers['content-length']);
      if (declared > media.maxUploadBytes + FORM_OVERHEAD_BYTES) {
        // Refused before reading a byte; closing the connection spares reading the rest.
        throw entityTooLarge(media.maxUploadBytes, { connection: 'close' });
      }
      const parts = request.parts({
        limits: formLimits(media.maxUploadBytes),
        isPartAFile: isFilePart,
      });
      await media.receiveUpload(request.params.bucket, parts);
      return reply.code(204).send();
    },
  );
};

/**
 * The sandbox's media routes (E9–E12). Register inside the sandbox plugin's encapsulated
 * context, so its AccessKey check and Bird error handler apply; the upload form (E10) is
 * marked `config.skipAccessKey` and checks its signed policy instead.
 */
export const mediaRoutes: FastifyPluginAsync<MediaRoutesOptions> = async (app, { media }) => {
  const baseUrl = (request: FastifyRequest): string => publicBaseUrl(request, app.prefix);
  const requireWorkspace = (workspaceId: string): void => {
    if (workspaceId !== media.workspaceId) throw notFound('The workspace does not exist');
  };

  /** E9; `withChannel` false for the channel-less alias. Checks in the contract's order. */
  const presign =
    (withChannel: boolean) =>
    (request: FastifyRequest<{ Params: Partial<ChannelParams> & WorkspaceParams }>) => {
      requireWorkspace(request.params.workspaceId);
      const body = requireJsonBody(request.body);
      const channelId = withChannel ? (request.params.channelId ?? '') : null;
      if (channelId !== null) media.requireChannel(channelId);
      const parsed = parseWithDetails(presignRequestSchema, body);
      if (!parsed.ok) throw invalidPayload(parsed.details);
      return media.presign(baseUrl(request), channelId, parsed.value.contentType);
    };
  app.post('/workspaces/:workspaceId/channels/:channelId/presigned-upload', presign(true));
  app.post('/workspaces/:workspaceId/channel-media/presigned-upload', presign(false));

  app.get<{ Params: UploadedMediaParams }>(
    '/workspaces/:workspaceId/channels/:channelId/media/:mediaId',
    async (request, reply) => {
      const { workspaceId, channelId, mediaId } = request.params;
      requireWorkspace(workspaceId);
      const channel = channelId === CHANNEL_LESS_MEDIA_CHANNEL ? null : channelId;
      const opened = await media.openUploaded(channel, mediaId);
      if (opened === undefined) {
        throw notFound('The media does not exist or its file has not been uploaded yet');
      }
      reply.headers(mediaHeaders(opened.media.id, opened.media.contentType, opened.size));
      if (request.method === 'HEAD') {
        // Fastify's HEAD route drains a stream body and keeps our Content-Length.
        await opened.handle.close();
        return reply.send(Readable.from([]));
      }
      return reply.send(opened.handle.createReadStream());
    },
  );

  app.get<{ Params: MessageMediaParams }>(
    '/workspaces/:workspaceId/messages/:messageId/media/:mediaId',
    (request, reply): FastifyReply => {
      const { workspaceId, messageId, mediaId } = request.params;
      requireWorkspace(workspaceId);
      const png =
        isUuid(messageId) && isUuid(mediaId) ? media.generatedImage(messageId, mediaId) : undefined;
      if (png === undefined) throw notFound('The message has no such media');
      reply.headers(mediaHeaders(mediaId, 'image/png', png.length));
      return reply.send(png);
    },
  );

  await app.register(uploadRoute, { media });
};
