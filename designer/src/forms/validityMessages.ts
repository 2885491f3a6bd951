import type { i18n as I18n } from 'i18next';
import { formattingLocale } from '../i18n/index.ts';

/**
 * The browser says what is wrong with a field (an empty required name, a
 * number out of range) in the browser's own language, whatever the page's:
 * "Please fill out this field." on a Portuguese page. Installed once on the
 * document, this says it in the page's language instead, for every form of
 * the app: on each `invalid` event (a form sent, `reportValidity()`), it
 * reads the control's `ValidityState` and sets the matching text as the
 * control's custom validity, which the browser then shows and
 * `validationMessage` returns. Typing in the control (or changing it)
 * clears the text, so the browser checks the new value afresh. A message a
 * component set itself (`setCustomValidity`, e.g. the phone field's) is
 * left as it is.
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const isControl = (target: EventTarget | null): target is Control =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement;

/** Number-like inputs: their bounds and steps are numbers, written as the page writes numbers. */
const NUMERIC = new Set(['number', 'range']);

/** The number a bound or step attribute holds, or null for none (or not a number). */
function numberAttribute(control: Control, name: 'min' | 'max' | 'step'): number | null {
  const text = control.getAttribute(name);
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** How many decimals `step` has, so nearest values read `0.5`, not `0.49999999`. */
const decimals = (step: number) => (String(step).split('.')[1] ?? '').length;

/**
 * What is wrong with `control`'s value, in the language of `i18n`, or null
 * when nothing is (or only a custom error is, which its setter words).
 */
export function validityMessage(control: Control, i18n: I18n): string | null {
  const { validity } = control;
  const t = i18n.t.bind(i18n);
  const type = control instanceof HTMLInputElement ? control.type : control.localName;
  const numbers = new Intl.NumberFormat(formattingLocale(i18n.language), {
    maximumFractionDigits: 20,
  });
  const bound = (name: 'min' | 'max') => {
    const text = control.getAttribute(name) ?? '';
    const value = numberAttribute(control, name);
    return NUMERIC.has(type) && value !== null ? numbers.format(value) : text;
  };
  const length = control instanceof HTMLSelectElement ? 0 : control.value.length;

  if (validity.valueMissing) {
    if (type === 'checkbox') return t('fields.validity.checkMissing');
    if (type === 'radio' || control instanceof HTMLSelectElement)
      return t('fields.validity.chooseMissing');
    if (type === 'file') return t('fields.validity.fileMissing');
    return t('fields.validity.valueMissing');
  }
  if (validity.badInput) {
    return NUMERIC.has(type) ? t('fields.validity.notANumber') : t('fields.validity.badInput');
  }
  if (validity.typeMismatch) {
    if (type === 'email') return t('fields.validity.email');
    if (type === 'url') return t('fields.validity.url');
    return t('fields.validity.badInput');
  }
  if (validity.rangeUnderflow || validity.rangeOverflow) {
    const hasMin = control.getAttribute('min') !== null;
    const hasMax = control.getAttribute('max') !== null;
    if (hasMin && hasMax)
      return t('fields.validity.between', { min: bound('min'), max: bound('max') });
    return validity.rangeUnderflow
      ? t('fields.validity.atLeast', { min: bound('min') })
      : t('fields.validity.atMost', { max: bound('max') });
  }
  if (validity.stepMismatch) {
    const step = numberAttribute(control, 'step') ?? 1;
    const value = Number(control.value);
    if (NUMERIC.has(type) && Number.isFinite(value) && step > 0) {
      if (step === 1 && (numberAttribute(control, 'min') ?? 0) % 1 === 0)
        return t('fields.validity.wholeNumber');
      const base = numberAttribute(control, 'min') ?? 0;
      const places = decimals(step) + decimals(base);
      const below = Number((base + Math.floor((value - base) / step) * step).toFixed(places));
      const above = Number((below + step).toFixed(places));
      return t('fields.validity.step', {
        below: numbers.format(below),
        above: numbers.format(above),
      });
    }
    return t('fields.validity.badInput');
  }
  if (validity.tooShort) {
    const minLength = (control as HTMLInputElement | HTMLTextAreaElement).minLength;
    return t('fields.validity.tooShort', { count: minLength, length });
  }
  if (validity.tooLong) {
    const maxLength = (control as HTMLInputElement | HTMLTextAreaElement).maxLength;
    return t('fields.validity.tooLong', { count: maxLength, length });
  }
  if (validity.patternMismatch) {
    const title = control.title.trim();
    return title ? t('fields.validity.patternWithTitle', { title }) : t('fields.validity.pattern');
  }
  return null;
}

/** The radio buttons of `radio`'s group: same name, same form (or none). */
function radioGroup(radio: HTMLInputElement): HTMLInputElement[] {
  const named = radio.ownerDocument.getElementsByName(radio.name);
  return [...named].filter(
    (el): el is HTMLInputElement =>
      el instanceof HTMLInputElement && el.type === 'radio' && el.form === radio.form,
  );
}

/**
 * Words every field's problems in the page's language (`i18n`'s), from now
 * on, for every control under `root` (the document): see the module's note.
 * Returns the way to stop.
 *
 * @example installValidityMessages(document, i18n); // once, before the app renders
 */
export function installValidityMessages(root: Document, i18n: I18n): () => void {
  // The text this module set on each control: any other custom text is a component's own.
  const ours = new WeakMap<Control, string>();
  const isOurs = (control: Control) =>
    control.validity.customError && ours.get(control) === control.validationMessage;

  const onInvalid = (event: Event) => {
    const control = event.target;
    if (!isControl(control)) return;
    if (control.validity.customError && !isOurs(control)) return;
    // Ours from an earlier check: the value may have changed since, read it afresh.
    control.setCustomValidity('');
    ours.delete(control);
    const message = validityMessage(control, i18n);
    if (message === null) {
      // Our earlier text held back a value that is valid now (set by code, not typed):
      // nothing to say, and no empty bubble; the next try goes through.
      event.preventDefault();
      return;
    }
    control.setCustomValidity(message);
    ours.set(control, message);
  };
  const clear = (control: Control) => {
    if (!isOurs(control)) return;
    control.setCustomValidity('');
    ours.delete(control);
  };
  const onEdit = (event: Event) => {
    const control = event.target;
    if (!isControl(control)) return;
    // A radio button picked answers for its group: the text may sit on another of its buttons.
    if (control instanceof HTMLInputElement && control.type === 'radio' && control.name) {
      for (const radio of radioGroup(control)) clear(radio);
    } else clear(control);
  };

  root.addEventListener('invalid', onInvalid, true);
  root.addEventListener('input', onEdit, true);
  root.addEventListener('change', onEdit, true);
  return () => {
    root.removeEventListener('invalid', onInvalid, true);
    root.removeEventListener('input', onEdit, true);
    root.removeEventListener('change', onEdit, true);
  };
}
