import { z } from 'zod';
import { spokenTextSchema } from '../text.ts';

/** One button of the menu: a key, optional voice keywords, and its own output port. */
export const menuOptionSchema = z.strictObject({
  /** Stable id: the option's port is `option:<id>`, so editing the key keeps the connection. */
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
      'expected an option id of letters, digits, "-" or "_"',
    ),
  /** The DTMF key: 0-9, * or #. */
  key: z.string().max(8),
  /** Words the caller can say instead of pressing the key (case and accents ignored). */
  keywords: z.array(z.string().max(80)).max(20),
  /** Name shown in the designer, e.g. "Vendas". */
  label: z.string().max(80).optional(),
});
export type MenuOption = z.infer<typeof menuOptionSchema>;

export const MAX_REPEATS = 9;

export const menuData = z.strictObject({
  /** Said every time the menu is entered or repeated. */
  prompt: spokenTextSchema,
  options: z.array(menuOptionSchema).max(12),
  noInput: z.strictObject({
    /** Silence allowed once listening starts, in ms; the flow's default when absent. */
    timeoutMs: z.int().min(1000).max(120_000).optional(),
    /** How many times the prompt is repeated after silence before `noInput` is taken. */
    repeats: z.int().min(0).max(MAX_REPEATS),
    /** Said before the prompt is repeated, e.g. "Não ouvi nada." */
    message: spokenTextSchema.optional(),
  }),
  noMatch: z.strictObject({
    /** How many times the prompt is repeated after a wrong input before `noMatch` is taken. */
    repeats: z.int().min(0).max(MAX_REPEATS),
    /** Said before the prompt is repeated, e.g. "Opção inválida." */
    message: spokenTextSchema.optional(),
  }),
});
export type MenuData = z.infer<typeof menuData>;

export const optionPort = (option: Pick<MenuOption, 'id'>): string => `option:${option.id}`;
