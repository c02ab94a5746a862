# syntax=docker/dockerfile:1
# paperbot: a two-stage image. The build stage compiles TypeScript and better-sqlite3's native
# module; the runtime stage carries only what `node` needs and runs as the unprivileged `node` user.

# ---- build ----------------------------------------------------------------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# --ignore-scripts: the package's "prepare" script would compile before the sources are here;
# better-sqlite3 (the only dependency with an install script) is then built explicitly.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY scripts ./scripts
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime --------------------------------------------------------------------------------
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    PAPERBOT_DATA_DIR=/app/data \
    PAPERBOT_STATE_DIR=/app/var
WORKDIR /app
# Code and corpus stay owned by root (read-only for the app); only the state folder is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY data ./data
COPY config ./config
RUN mkdir -p /app/var && chown node:node /app/var
USER node
# SQLite database (paperbot.db) and other state; mount a volume to keep it across upgrades.
VOLUME /app/var
# 9464: /livez, /readyz and /metrics (OPS_PORT). 3000: Slack HTTP mode (PORT). 3001: Discord's
# interactions endpoint in DISCORD_MODE=http (DISCORD_HTTP_PORT).
# Inside a container the listeners must take connections from outside it.
ENV PAPERBOT_LISTEN_HOST=0.0.0.0
EXPOSE 9464 3000 3001
# No curl in the slim image: ask node. With OPS_PORT=0/off there is nothing to ask, so report healthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const p=process.env.OPS_PORT||'9464';if(/^(0|off)$/i.test(p))process.exit(0);fetch('http://127.0.0.1:'+p+'/livez').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) triggers a graceful shutdown; SIGHUP reloads the corpus.
CMD ["node", "dist/src/cli/bin.js", "start"]
