import { z } from 'zod';

/**
 * Node ids name states of the compiled machine and appear in traces, so they
 * are kept to letters, digits, `-` and `_`, starting with a letter or digit
 * (no `.` or `#`, which xstate reads as paths; no leading `_`, reserved for
 * the compiler's own states). `constructor` and `prototype` are refused too:
 * ids are keys of the layout, where such keys are refused for safety.
 */
export const nodeIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    'expected an id of letters, digits, "-" or "_" (at most 64, starting with a letter or digit)',
  )
  .refine((id) => id !== 'constructor' && id !== 'prototype', {
    message: 'this name is reserved; choose another id',
  });

/** Port ids: a kind's fixed names (`next`, `open`, ...) or `option:<optionId>` for menu options. */
export const portIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9][A-Za-z0-9_-]{0,63})?$/, 'expected a port name');
