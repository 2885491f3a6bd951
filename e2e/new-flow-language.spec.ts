import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

/**
 * A flow created in a UI language speaks it: its greeting and its goodbye on
 * the canvas (and in the simulator) are in that language, not Portuguese for
 * everyone. And a simulated call that starts from a scrolled panel is shown:
 * the listening indicator is in view, the keypad focused.
 */
const SHOTS = process.env.H3_SHOTS_DIR; // where to leave screenshots for a review, when asked

const languages = [
  {
    locale: 'es-ES',
    tag: 'es',
    newName: 'Nombre del nuevo flujo',
    create: 'Nuevo flujo',
    flow: 'Recepción',
    canvas: 'Lienzo del flujo',
    greeting: '¡Hola! Gracias por llamar.',
    goodbye: 'Gracias por su llamada. Hasta luego.',
    simulate: 'Simular',
    simulator: 'Simulador',
    start: 'Iniciar llamada',
    listening: '¿El bot escucha?',
    keypad: 'Teclado',
    hangUp: 'Colgar',
    transfer: 'Transferir al equipo',
    team: 'Equipo',
    unknownTeam: 'El equipo «vendas» no es uno de los equipos del espacio de trabajo',
  },
  {
    locale: 'pt-BR',
    tag: 'pt-BR',
    newName: 'Nome do novo fluxo',
    create: 'Novo fluxo',
    flow: 'Recepção',
    canvas: 'Tela do fluxo',
    greeting: 'Olá! Obrigado por ligar.',
    goodbye: 'Obrigado pela ligação. Até logo.',
    simulate: 'Simular',
    simulator: 'Simulador',
    start: 'Iniciar chamada',
    listening: 'O bot está ouvindo?',
    keypad: 'Teclado',
    hangUp: 'Desligar',
    transfer: 'Transferir para equipe',
    team: 'Equipe',
    unknownTeam: 'A equipe “vendas” não é uma das equipes do espaço de trabalho',
  },
] as const;

for (const w of languages) {
  test.describe(`a new flow in ${w.tag}`, () => {
    test.use({ locale: w.locale, viewport: { width: 1024, height: 768 } });

    test(`greets and says goodbye in ${w.tag}; a started call is in view`, async ({ page }) => {
      const designer = new DesignerPage(page);
      await designer.open();
      await page.getByRole('textbox', { name: w.newName }).fill(w.flow);
      await page.getByRole('button', { name: w.create, exact: true }).click();
      await designer.heading(w.flow).waitFor();

      const nodes = page
        .getByRole('application', { name: w.canvas })
        .getByRole('group', { name: /: / });
      await expect(nodes).toHaveCount(2);
      await expect(nodes.filter({ hasText: w.greeting })).toHaveCount(1);
      await expect(nodes.filter({ hasText: w.goodbye })).toHaveCount(1);
      if (w.tag !== 'pt-BR') await expect(nodes.filter({ hasText: 'Obrigado' })).toHaveCount(0);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${w.tag}-1024x768-new-flow.png` });

      // A transfer to a team the workspace lacks: the field and the checks say the same.
      await page.getByRole('button', { name: w.transfer, exact: true }).click();
      const team = page.getByRole('combobox', { name: w.team, exact: true });
      await team.fill('vendas');
      await team.press('Tab');
      const inspector = page.getByRole('complementary').filter({ has: team });
      // Under the field and in the node's checks, in the same words as the checks panel.
      await expect(inspector.getByText(w.unknownTeam)).toHaveCount(2);
      await expect(inspector).not.toContainText(
        /todavía no está conectada|ainda não está conectada/,
      );
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${w.tag}-1024x768-transfer.png` });

      await page.getByRole('banner').getByRole('button', { name: w.simulate }).click();
      const sim = page.getByRole('complementary', { name: w.simulator });
      const start = sim.getByRole('button', { name: w.start });
      await start.waitFor();
      // The trainer scrolls down to the start button, as far as the panel goes.
      await sim.evaluate((panel) => (panel.scrollTop = panel.scrollHeight));
      await start.click();

      const indicator = sim.getByRole('status', { name: w.listening });
      await expect(indicator).toBeInViewport();
      await expect(sim.getByRole('button', { name: w.hangUp, exact: true })).toBeInViewport();
      const keypad = sim.getByRole('group', { name: w.keypad });
      await expect(keypad.getByRole('button').first()).toBeFocused();
      // The simulator says the flow's own words.
      await expect(sim.getByRole('list').filter({ hasText: w.greeting }).first()).toBeVisible();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${w.tag}-1024x768-call-started.png` });
      expect(designer.errors).toEqual([]);
    });
  });
}
