import fastifyStatic from '@fastify/static';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fontPrefix } from './htmlText.js';
import { hallRoute, type HallApp } from './hallRoute.js';

const fontDir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));

/** Serves the bundled CJK font the pages link to (fontLinks), declared like every other route, with its access. */
export async function registerFontRoute(app: HallApp): Promise<void> {
  // serve: false — the route below serves the files, so the access guard sees it.
  await app.register(fastifyStatic, { root: fontDir, serve: false });
  hallRoute(app, {
    method: 'GET',
    url: `${fontPrefix}*`,
    access: 'public',
    summary: 'The CJK font the pages use',
    handler: ({ params, reply }) => reply.sendFile(params['*']!, { maxAge: '30d' }),
  });
}
