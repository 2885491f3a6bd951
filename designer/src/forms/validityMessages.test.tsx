import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { installValidityMessages } from './validityMessages.ts';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installValidityMessages(document, i18n);
});
afterAll(() => uninstall());
afterEach(() => i18n.changeLanguage('en'));

/** What a user sends: the form's submit button clicked (jsdom checks the constraints first). */
async function send(name = 'Send') {
  await userEvent.setup().click(screen.getByRole('button', { name }));
}

const field = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });

describe('validity messages', () => {
  it.each([
    ['pt-BR', 'Preencha este campo.'],
    ['es', 'Complete este campo.'],
    ['en', 'Fill in this field.'],
  ])('says an empty required field in the page’s language (%s)', async (language, words) => {
    await i18n.changeLanguage(language);
    let sent = 0;
    render(
      <form onSubmit={(e) => (e.preventDefault(), sent++)}>
        <label>
          Name
          <input required />
        </label>
        <button type="submit">Send</button>
      </form>,
    );
    await send();
    expect(sent).toBe(0);
    expect(field('Name').validationMessage).toBe(words);
  });

  it('states the allowed range of a number, written as the page writes numbers', async () => {
    await i18n.changeLanguage('pt-BR');
    render(
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          Days
          <input type="number" min={1} max={3650} step={1} required defaultValue="0" />
        </label>
        <label>
          Share
          <input type="number" min={0} step={0.25} defaultValue="0.3" />
        </label>
        <button type="submit">Send</button>
      </form>,
    );
    await send();
    const days = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Days' });
    expect(days.validationMessage).toBe('Digite um valor de 1 a 3.650.');
    const share = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Share' });
    expect(share.validationMessage).toBe(
      'Este valor não pode ser usado: os mais próximos são 0,25 e 0,5.',
    );
  });

  it('takes a typed correction: the message goes, and the form is sent', async () => {
    await i18n.changeLanguage('es');
    const user = userEvent.setup();
    let sent = 0;
    render(
      <form onSubmit={(e) => (e.preventDefault(), sent++)}>
        <label>
          Mail
          <input type="email" required />
        </label>
        <label>
          Code
          <input pattern="[A-Z]{3}" title="tres letras mayúsculas, p. ej. ABC" />
        </label>
        <button type="submit">Send</button>
      </form>,
    );
    await user.type(field('Mail'), 'ana');
    await user.type(field('Code'), 'ab');
    await send();
    expect(field('Mail').validationMessage).toBe(
      'Escriba una dirección de correo, como nombre@ejemplo.com.',
    );
    expect(field('Code').validationMessage).toBe(
      'Escríbalo en el formato pedido: tres letras mayúsculas, p. ej. ABC',
    );
    await user.type(field('Mail'), '@example.com');
    await user.clear(field('Code'));
    await user.type(field('Code'), 'ABC');
    expect(field('Mail').validationMessage).toBe('');
    await send();
    expect(sent).toBe(1);
  });

  it('clears a radio group’s message when any of its buttons is picked', async () => {
    await i18n.changeLanguage('pt-BR');
    const user = userEvent.setup();
    let sent = 0;
    render(
      <form onSubmit={(e) => (e.preventDefault(), sent++)}>
        <label>
          <input type="radio" name="n" value="a" required />A
        </label>
        <label>
          <input type="radio" name="n" value="b" />B
        </label>
        <button type="submit">Send</button>
      </form>,
    );
    await send();
    const [a] = screen.getAllByRole<HTMLInputElement>('radio');
    expect(a!.validationMessage).toBe('Escolha uma das opções.');
    await user.click(screen.getByRole('radio', { name: 'B' }));
    await send();
    expect(sent).toBe(1);
  });

  it('leaves a message a component set itself', async () => {
    await i18n.changeLanguage('pt-BR');
    render(
      <form onSubmit={(e) => e.preventDefault()}>
        <label>
          Number
          <input ref={(el) => el?.setCustomValidity('Not a number of ours.')} />
        </label>
        <button type="submit">Send</button>
      </form>,
    );
    await send();
    expect(field('Number').validationMessage).toBe('Not a number of ours.');
    fireEvent.input(field('Number'), { target: { value: 'x' } });
    expect(field('Number').validationMessage).toBe('Not a number of ours.');
  });
});
