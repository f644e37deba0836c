import type { ApiError, ApiErrorCode } from './types';

/** An ApiError thrown on the renderer side of the boundary, and by core handlers. */
export class PortolanError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'PortolanError';
    this.code = code;
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof PortolanError) return error.toApiError();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
