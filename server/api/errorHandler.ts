// One place turns errors into `{ error: { code, message, details? } }`; no stack traces or driver text leak.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { mapDriverError } from "../db/database.ts";
import { AppError } from "../errors.ts";
import type { ErrorBody } from "./schemas.ts";

export const notFoundHandler: RequestHandler = (req, res) => {
  const body: ErrorBody = {
    error: { code: "not_found", message: `No route for ${req.method} ${req.originalUrl.split("?")[0]}` },
  };
  res.status(404).json(body);
};

export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  const mapped = mapDriverError(error);
  let status = 500;
  let body: ErrorBody = {
    error: { code: "internal", message: "Something went wrong on the server; it has been logged." },
  };
  if (mapped instanceof AppError) {
    status = mapped.status;
    body = {
      error: {
        code: mapped.code,
        message: mapped.message,
        ...(mapped.details ? { details: mapped.details } : {}),
      },
    };
  } else if (
    typeof error === "object" &&
    error &&
    "status" in error &&
    (error as { status: number }).status < 500
  ) {
    // Errors raised by Express's own parsers (bad JSON, payload too large) carry a 4xx status.
    status = (error as { status: number }).status;
    body = { error: { code: "bad_request", message: (error as Error).message } };
  }
  if (status >= 500 && !(mapped instanceof AppError)) console.error(error);
  if (status === 503) res.set("Retry-After", "5");
  res.status(status).json(body);
};
