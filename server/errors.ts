// The few errors domain code throws; one Express middleware (server/api/errorHandler.ts) turns them into
// `{ error: { code, message, details? } }` with the right status.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, "bad_request", message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, "not_found", message);
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = "The database is unavailable right now; try again in a few seconds.") {
    super(503, "database_unavailable", message);
  }
}

export class DatabaseTimeoutError extends AppError {
  constructor(message = "The database took too long to answer; try again, or narrow the request.") {
    super(503, "database_timeout", message);
  }
}
