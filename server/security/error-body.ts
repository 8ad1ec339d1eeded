/** The error body of Perch's own routes, shaped like Bird's: `{ code, message }`. */
export interface ErrorBody {
  code: string;
  message: string;
}

const codes: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  408: 'RequestTimeout',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  414: 'UriTooLong',
  415: 'UnsupportedMediaType',
  421: 'MisdirectedRequest',
  422: 'InvalidPayload',
  429: 'TooManyRequests',
  431: 'RequestHeaderFieldsTooLarge',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function errorCode(status: number): string {
  return codes[status] ?? (status >= 500 ? 'InternalError' : 'BadRequest');
}

export function errorBody(status: number, message: string): ErrorBody {
  return { code: errorCode(status), message };
}
