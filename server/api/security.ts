// Browser and abuse defences in one place: security headers with a strict Content-Security-Policy, caps on
// request size, per-address rate limits on the costly reads, and CORS closed unless origins are listed.
import express, { type RequestHandler } from "express";
import { type AugmentedRequest, rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { AppError } from "../errors.ts";

/** The API takes no request bodies; anything larger than this is refused before it is read further. */
export const MAX_BODY_BYTES = 10 * 1024;
/** Longer URLs are refused (Node's own 16 kB header limit stays behind this). */
export const MAX_URL_LENGTH = 4096;

export interface RateLimits {
  /** Requests a minute per client address on /api/search and on /api/paths (each its own window); 0 = off. */
  perMinute: number;
  /** Requests a minute per client address on /api/export; 0 = off. */
  exportPerMinute: number;
}

type Directives = Record<string, string[]>;

/** The page's policy: nothing inline, nothing evaluated, nothing from elsewhere, no framing. */
export function contentSecurityPolicy(development = false): Directives {
  const directives: Directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    "style-src": ["'self'"],
    // PNG and SVG exports are built from blob: and data: URLs.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
  };
  if (development) {
    // Vite's dev server injects imported CSS as <style> elements and talks HMR over a websocket on its own
    // port; it needs no inline script and no eval.
    directives["style-src"] = ["'self'", "'unsafe-inline'"];
    directives["connect-src"] = ["'self'", "ws:"];
  }
  return directives;
}

/**
 * Helmet's headers with the policy above. Helmet's default `upgrade-insecure-requests` is left out: the app
 * is served over plain HTTP on loopback or a venue's LAN, where upgrading every request would break it.
 */
export function securityHeaders(development: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(development) },
  });
}

/** 414 for URLs longer than MAX_URL_LENGTH, before any routing or parsing. */
export const urlLengthLimit: RequestHandler = (req, _res, next) => {
  if (req.originalUrl.length <= MAX_URL_LENGTH) return next();
  next(
    new AppError(
      414,
      "uri_too_long",
      `The URL is ${req.originalUrl.length} characters long; at most ${MAX_URL_LENGTH} are accepted.`,
    ),
  );
};

// Reads a body of any media type (so none slips past the cap by its Content-Type) up to the limit.
const readBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

/** The body parser's failure as the API's own error, in its own words (zlib's and the parser's stay out). */
function bodyError(error: unknown): unknown {
  if (!error || typeof error !== "object") return error;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === "entity.too.large")
    return new AppError(
      413,
      "payload_too_large",
      `The request body is larger than ${MAX_BODY_BYTES / 1024} kB; the API reads no bodies (every route is a GET).`,
    );
  if (type === "encoding.unsupported")
    return new AppError(
      415,
      "unsupported_media_type",
      "The request body's Content-Encoding is not supported.",
    );
  if (typeof status === "number" && status >= 400 && status < 500)
    return new AppError(status, "bad_request", "The request body could not be read.");
  return error;
}

/** 413 for request bodies over MAX_BODY_BYTES, whatever their media type. */
export const bodyLimit: RequestHandler = (req, res, next) => {
  readBody(req, res, (error?: unknown) => next(bodyError(error)));
};

/** A per-address limit of `perMinute` requests a minute, or undefined when `perMinute` is 0 (off). */
export function rateLimiter(perMinute: number): RequestHandler | undefined {
  if (perMinute <= 0) return undefined;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    // Retry-After is set by the limiter before this runs; the body is the API's usual error body.
    handler(req, _res, next) {
      const reset = (req as AugmentedRequest).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      next(
        new AppError(
          429,
          "rate_limited",
          `Too many requests to ${req.baseUrl}: at most ${perMinute} a minute from one address. Try again in ${seconds} s.`,
        ),
      );
    },
  });
}

/**
 * Cross-origin reads of the API, for the listed origins only (exact match). With none listed this adds
 * nothing, so browsers refuse every cross-origin read: that is the default.
 */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    res.vary("Origin");
    const origin = req.get("Origin");
    if (!origin || !allowed.has(origin)) return next();
    res.set("Access-Control-Allow-Origin", origin);
    res.set("Access-Control-Expose-Headers", "Content-Disposition, Retry-After, RateLimit, RateLimit-Policy");
    if (req.method === "OPTIONS" && req.get("Access-Control-Request-Method")) {
      res.set("Access-Control-Allow-Methods", "GET, HEAD");
      res.set("Access-Control-Max-Age", "600");
      res.status(204).end();
      return;
    }
    next();
  };
}
