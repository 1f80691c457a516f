import type { StackHarness } from '../support/stack';
import { express, fastify } from './node';
import { django, fastapi, flask } from './python';

/** Every stack the suite runs, in STACKS order. */
export const STACK_HARNESSES: readonly StackHarness[] = [express, fastify, django, fastapi, flask];
