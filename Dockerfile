# policy-pulse app image: one image, the role is chosen at run time with PULSE_ROLES.
# Node 22 is the current LTS (package.json engines: >=20.18.1 <23).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
# Toolchain only for native modules (better-sqlite3) when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY config ./config
COPY dashboards ./dashboards
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# tsx runs the TypeScript sources directly (it is a runtime dependency).
CMD ["npx", "tsx", "src/cli/main.ts", "start"]
