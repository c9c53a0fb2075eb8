import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { uniqueViolation } from '@app/core';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[];
  [extra: string]: unknown;
}

/** One error shape for every failure: { statusCode, error, message, details? }; never a stack trace. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const unique = uniqueViolation(exception);
    if (unique) {
      return { statusCode: 409, error: 'Conflict', message: unique.message, details: [unique] };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const base = { statusCode: status, error: STATUS_CODES[status] ?? 'Error' };
      if (typeof raw === 'string') return { ...base, message: raw };
      const { message, error, statusCode: _ignored, ...rest } = raw as Record<string, unknown>;
      return {
        ...base,
        ...rest,
        error: typeof error === 'string' ? error : base.error,
        message: Array.isArray(message) ? message.join('; ') : String(message ?? base.error),
      };
    }
    if (isPayloadTooLarge(exception)) {
      return { statusCode: 413, error: 'Payload Too Large', message: '请求体过大 (request body too large)' };
    }
    if (isBadJson(exception)) {
      return {
        statusCode: 400,
        error: 'Bad Request',
        message: '请求体不是合法的 JSON (malformed JSON body)',
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: '服务器内部错误 (internal error)',
    };
  }
}

const isPayloadTooLarge = (e: unknown): boolean => (e as { type?: string })?.type === 'entity.too.large';
const isBadJson = (e: unknown): boolean => (e as { type?: string })?.type === 'entity.parse.failed';
