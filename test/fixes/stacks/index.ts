import type { StackHarness } from '../support/stack';
import { goStack } from './go';
import { express, fastify } from './node';
import { apache, caddy, nginx } from './proxies';
import { django, fastapi, flask } from './python';
import { rails } from './rack';

/** Every stack the suite runs, in STACKS order. */
export const STACK_HARNESSES: readonly StackHarness[] = [
  express,
  fastify,
  django,
  fastapi,
  flask,
  rails,
  goStack,
  nginx,
  apache,
  caddy,
];
