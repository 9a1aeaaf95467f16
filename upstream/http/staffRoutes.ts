import { z } from 'zod';
import { staffSessionMs, type StaffAccounts } from '../identity/staffAccounts.js';
import { fontLinks, htmlText } from './htmlText.js';
import { staffCookie } from './accessGuard.js';
import { hallRoute, type HallApp } from './hallRoute.js';

export const staffUsernameSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'expected 1–64 letters, digits, ".", "_" or "-"' });

const loginSchema = z.object({ username: staffUsernameSchema, password: z.string().min(1).max(256) }).strict();

/** Guessing passwords: this many tries a minute from one address, then 429. */
export const loginAttemptsPerMinute = 10;

function loginPage(failed: boolean): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>工作人员登录 · Staff login</title>${fontLinks}
<style>body{font-family:'Noto Sans SC',sans-serif;margin:4rem auto;max-width:24rem;color:#102a43}label,input,button{display:block;width:100%;margin:.5rem 0;font-size:1.1rem}p.error{color:#b42318}</style></head>
<body><main><h1>工作人员登录 · Staff login</h1>${failed ? `<p class="error" role="alert">${htmlText('用户名或密码不对 · Wrong username or password')}</p>` : ''}
<form method="post" action="/login">
<label>用户名 · Username<input name="username" autocomplete="username" required></label>
<label>密码 · Password<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">登录 · Log in</button>
</form></main></body></html>`;
}

/** The hall staff's login: a form, a session cookie (HttpOnly, SameSite=Strict) kept in the database, and logout. */
export function registerStaffRoutes(app: HallApp, staff: StaffAccounts): void {
  // A field given more than once (ticked checkboxes of one name) becomes a list; each route's schema says what it takes.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(body as string)) {
      const before = fields[name];
      fields[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
    }
    done(null, fields);
  });

  hallRoute(app, {
    method: 'GET',
    url: '/login',
    access: 'public',
    summary: 'The staff login form',
    html: true,
    handler: ({ reply }) => reply.type('text/html; charset=utf-8').send(loginPage(false)),
  });

  hallRoute(app, {
    method: 'POST',
    url: '/login',
    access: 'public',
    summary: 'Log in as hall staff (form fields username, password): sets the session cookie and goes to the dashboard',
    body: loginSchema,
    html: true,
    rateLimit: { max: loginAttemptsPerMinute, timeWindow: '1 minute' },
    handler: async ({ body, request, reply }) => {
      const token = await staff.logIn(body.username, body.password);
      if (!token) return reply.code(401).type('text/html; charset=utf-8').send(loginPage(true));
      request.log.info({ staff: body.username }, 'staff logged in');
      return reply
        .setCookie(staffCookie, token, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          maxAge: staffSessionMs / 1000,
          secure: request.protocol === 'https',
        })
        .redirect('/dashboard', 303);
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: '/logout',
    access: { staff: ['technician', 'supervisor'] },
    summary: 'End the staff session',
    handler: async ({ request, reply }) => {
      await staff.logOut(request.cookies[staffCookie]!);
      return reply.clearCookie(staffCookie, { path: '/' }).redirect('/login', 303);
    },
  });
}
