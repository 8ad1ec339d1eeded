import type { FastifyInstance } from 'fastify';
import { MAX_JSON_BODY_BYTES } from '../../../src/lib/bird/decisions';
import { BirdError } from './errors';

/**
 * The sandbox's only body parser: `application/json` up to 1 MiB. Any other content type is
 * refused by Fastify with FST_ERR_CTP_INVALID_MEDIA_TYPE (→ 415), an over-long body with
 * FST_ERR_CTP_BODY_TOO_LARGE (→ 413) and broken JSON here (→ 400). What the JSON holds is
 * the route's business (`[]`, `"x"` and `null` are parsed and then refused by the route).
 * Plugins nested inside (the media routes) may add their own parsers, e.g. multipart.
 */
export function useJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_JSON_BODY_BYTES },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') {
        done(new BirdError(400, 'The request body is empty'), undefined);
        return;
      }
      try {
        done(null, JSON.parse(text) as unknown);
      } catch {
        done(new BirdError(400, 'The request body is not valid JSON'), undefined);
      }
    },
  );
}

/** For routes whose body is optional (`POST reset`): absent means `{}`. */
export function bodyOrEmpty(body: unknown): unknown {
  return body === undefined ? {} : body;
}

/** For routes that need a JSON body: a bodiless POST is treated like a non-JSON one (415). */
export function requireJsonBody(body: unknown): unknown {
  if (body === undefined) throw new BirdError(415);
  return body;
}
