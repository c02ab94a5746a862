/**
 * The operations endpoint on its own port: `GET /healthz` for container and orchestrator probes,
 * `GET /metrics` for Prometheus. Plain node:http keeps it independent of the chat adapters.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../core/logger.js';
import { runHealthChecks, type HealthCheck } from './health.js';
import type { Metrics } from './metrics.js';

export interface OpsServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to all interfaces, as a container needs; tests use 127.0.0.1. */
  host?: string;
  metrics?: Metrics;
  checks?: Record<string, HealthCheck>;
  checkTimeoutMs?: number;
  logger?: Logger;
}

export interface OpsServer {
  /** The port actually bound. */
  readonly port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse, options: OpsServerOptions): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://ops').pathname;
  if (!['/livez', '/readyz', '/healthz', '/metrics'].includes(path)) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
  }
  // Liveness: the process answers. A platform or source outage must not get the container restarted.
  if (path === '/livez') return send(res, 200, 'application/json; charset=utf-8', '{"status":"ok"}');
  // Readiness (`/healthz` is its older name): every check, so a load balancer stops sending traffic.
  if (path === '/readyz' || path === '/healthz') {
    const report = await runHealthChecks(options.checks ?? {}, options.checkTimeoutMs);
    return send(res, report.status === 'fail' ? 503 : 200, 'application/json; charset=utf-8', JSON.stringify(report));
  }
  if (!options.metrics) return send(res, 404, 'text/plain; charset=utf-8', 'metrics are not enabled\n');
  const { contentType, body } = await options.metrics.render();
  send(res, 200, contentType, body);
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const log = options.logger ?? silentLogger;
  const server: Server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      log.error({ err: error, path: req.url }, 'ops request failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, 'health and metrics listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Probes and scrapers keep connections alive; do not let them hold up shutdown.
        server.closeIdleConnections();
      }),
  };
}
