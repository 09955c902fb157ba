import type { FastifyError, FastifyInstance } from 'fastify';
import { InvalidAddressError } from '../../shared/address/index.ts';
import { FlowsentryError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/log/logger.ts';
import { ReviewError, type ReviewErrorCode } from '../../shared/ports/review-store/index.ts';

/** Every error code the API answers with, and its HTTP status: one registry. */
export const API_ERRORS = Object.freeze({
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
});
export type ApiErrorCode = keyof typeof API_ERRORS;

/** An error the API answers on purpose, with a stable code. */
export class ApiError extends FlowsentryError {
  readonly statusCode: number;
  constructor(
    readonly apiCode: ApiErrorCode,
    message: string,
  ) {
    super(`API_${apiCode}`, message, apiCode === 'UNAVAILABLE');
    this.statusCode = API_ERRORS[apiCode];
  }
}

const REVIEW_TO_API: Readonly<Record<ReviewErrorCode, ApiErrorCode>> = {
  ALREADY_CLAIMED: 'CONFLICT',
  INVALID_TRANSITION: 'CONFLICT',
  CONFLICT: 'CONFLICT',
  NOT_ASSIGNEE: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  NOT_SUPPRESSIBLE: 'CONFLICT',
};

/** Body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

type Validation = NonNullable<FastifyError['validation']>;

/** "body.amount must match ..." lines from Ajv's errors, so a caller sees what to fix. */
function validationMessage(context: string | undefined, errors: Validation): string {
  const lines = errors.slice(0, 5).map((e) => {
    const path = e.instancePath ? `${context}${e.instancePath.replaceAll('/', '.')}` : context;
    const params = e.params as { allowedValues?: unknown[]; additionalProperty?: string };
    const extra =
      e.keyword === 'enum'
        ? ` (${params.allowedValues?.join(', ')})`
        : params.additionalProperty
          ? `: ${params.additionalProperty}`
          : '';
    return `${path} ${e.message}${extra}`;
  });
  return `invalid request: ${[...new Set(lines)].join('; ')}`;
}

/** Maps any thrown error to an answer; unexpected ones are logged and answered 500 without detail. */
export function toErrorBody(error: unknown, logger?: Logger): ErrorBody {
  const fe = error as FastifyError;
  if (fe.validation)
    return body('BAD_REQUEST', validationMessage(fe.validationContext, fe.validation));
  if (error instanceof ApiError) return body(error.apiCode, error.message);
  if (error instanceof ReviewError) return body(REVIEW_TO_API[error.reviewCode], error.message);
  if (error instanceof InvalidAddressError)
    return body('BAD_REQUEST', `invalid request: ${error.message}`);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Fastify's own refusals (bad JSON, media type, size) keep their message, in our codes.
    const code =
      fe.statusCode === 415
        ? 'UNSUPPORTED_MEDIA_TYPE'
        : fe.statusCode === 413
          ? 'PAYLOAD_TOO_LARGE'
          : 'BAD_REQUEST';
    return { statusCode: fe.statusCode, error: code, message: fe.message };
  }
  logger?.error(
    { err: { message: (error as Error)?.message, stack: (error as Error)?.stack } },
    'request failed',
  );
  return body('INTERNAL', 'internal error');
}

function body(code: ApiErrorCode, message: string): ErrorBody {
  return { statusCode: API_ERRORS[code], error: code, message };
}

/** Installs the error and not-found handlers on the root instance. */
export function registerErrors(app: FastifyInstance, logger?: Logger): void {
  app.setErrorHandler(async (error, _request, reply) => {
    const out = toErrorBody(error, logger);
    return reply.code(out.statusCode).send(out);
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply
      .code(404)
      .send(body('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
