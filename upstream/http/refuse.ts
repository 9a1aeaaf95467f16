import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { issuesFromZod } from '../../main/contract/errors.js';

/** The hall's one error answer: `{ error: { code, message } }`, as hallErrorSchema reads it. */
export function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** 400 naming each bad field: `service: expected one capital letter`. */
export function refuseInput(reply: FastifyReply, error: z.ZodError) {
  return refuse(
    reply,
    400,
    'bad_request',
    issuesFromZod(error)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; '),
  );
}
