/**
 * Locks the contract between the compiler and the runtime at the type level
 * (checked by `tsc -p runtime`): the action names the compiler emits are the
 * catalogue's, and an xstate binding of the catalogue that misses an action,
 * adds one, or misreads an action's params does not compile.
 */
import {
  ACTION_NAMES,
  bindGuards,
  type ActionCatalogue,
  type ActionName,
  type ActionRef,
  type GuardCatalogue,
  type MachineContext,
  type MachineEvent,
} from '@callbot/shared';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { setup } from 'xstate';

const noop = (): void => undefined;
/** Every catalogued action, bound to nothing. */
const every = Object.fromEntries(ACTION_NAMES.map((name) => [name, noop])) as {
  [K in ActionName]: typeof noop;
};
const guards = bindGuards(() => ({ now: () => 0, agentsAvailable: () => 0 }));

/** A binding as the runtime, the shared harness and the bench make it. */
const bind = setup<
  MachineContext,
  MachineEvent,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no child actors
  {},
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no child actors
  {},
  ActionCatalogue,
  GuardCatalogue
>;

describe('the action catalogue', () => {
  it('names exactly what the compiler emits', () => {
    expectTypeOf<(typeof ACTION_NAMES)[number]>().toEqualTypeOf<ActionName>();
    expectTypeOf<ActionRef['type']>().toEqualTypeOf<ActionName>();
    expect(new Set(ACTION_NAMES).size).toBe(ACTION_NAMES.length);
  });

  it('is bound whole, with nothing extra, and each action reads its own params', () => {
    expect(bind({ actions: every, guards })).toBeDefined();

    const { say: _, ...withoutSay } = every;
    // @ts-expect-error a binding without `say` does not compile
    bind({ actions: withoutSay, guards });

    // @ts-expect-error a binding with an action the compiler never emits does not compile
    bind({ actions: { ...every, dance: noop }, guards });

    bind({
      actions: {
        ...every,
        // @ts-expect-error `say`'s text is a string: an implementation wanting a number does not compile
        say: (_args: unknown, params: { text: number }) => void params.text,
      },
      guards,
    });

    bind({
      actions: {
        ...every,
        enterNode: (_args, params) => {
          expectTypeOf(params).toEqualTypeOf<ActionCatalogue['enterNode']>();
        },
      },
      guards,
    });
  });
});
