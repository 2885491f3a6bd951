import type { NodeUIRegistry } from '../canvas/defineNodeUI.ts';
import { aiAgent } from './aiAgent/index.ts';
import { fallbackBot } from './fallbackBot/index.ts';
import { greeting } from './greeting/index.ts';
import { hangup } from './hangup/index.ts';
import { menu } from './menu/index.ts';
import { message } from './message/index.ts';
import { schedule } from './schedule/index.ts';
import { transfer } from './transfer/index.ts';

/**
 * Every node kind's UI, by kind name, in palette order: the one registry the
 * canvas, inspector, palette and search read (through `NodeUIContext`).
 * Keyed by `@callbot/shared`'s kinds: a kind missing here is a type error.
 */
export const nodeUIs = {
  greeting,
  message,
  menu,
  schedule,
  transfer,
  fallbackBot,
  aiAgent,
  hangup,
} as const satisfies NodeUIRegistry;
