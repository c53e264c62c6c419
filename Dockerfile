# Vigie's api and worker (one image, two commands; see compose.yaml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN node scripts/build.mjs --force && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Templates, static files and config/ are read from the source tree at run time.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/config ./config
COPY --from=build /app/apps/api/src/web/view ./apps/api/src/web/view
COPY --from=build /app/apps/api/src/web/static ./apps/api/src/web/static
RUN mkdir -p /var/lib/vigie && chown node:node /var/lib/vigie
USER node
EXPOSE 3000 9464
CMD ["node", "dist/apps/api/src/main.js"]
