import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

/**
 * Rows of controls that once ran past the inspector's edge in Portuguese and
 * Spanish (longer words than English): the schedule node's holidays, the
 * button menu's options, and the Schedules page's holidays. At two common
 * laptop sizes, every control of those rows lies inside its panel and no
 * label is wider than its box.
 */

const languages = [
  {
    locale: 'pt-BR',
    inspector: 'Inspetor',
    findNode: 'Encontrar um nó',
    matchingNodes: 'Nós encontrados',
    holidays: 'Feriados',
    holidayDate: 'Data do feriado',
    holidayName: 'Nome do feriado (opcional)',
    addHoliday: 'Adicionar feriado',
    longName: 'Confraternização Universal',
    removeHoliday: (date: string, name: string) => `Remover feriado ${date} ${name}`,
    option: (n: number) => `Opção ${n}`,
    optionButtons: (n: number) => [
      `Mover a opção ${n} para cima`,
      `Mover a opção ${n} para baixo`,
      `Remover a opção ${n}`,
    ],
    newSchedule: 'Nome do novo horário',
    createSchedule: 'Criar horário',
  },
  {
    locale: 'es',
    inspector: 'Inspector',
    findNode: 'Buscar un nodo',
    matchingNodes: 'Nodos encontrados',
    holidays: 'Feriados',
    holidayDate: 'Fecha del feriado',
    holidayName: 'Nombre del feriado (opcional)',
    addHoliday: 'Añadir feriado',
    longName: 'Día de la Independencia Nacional',
    removeHoliday: (date: string, name: string) => `Quitar feriado ${date} ${name}`,
    option: (n: number) => `Opción ${n}`,
    optionButtons: (n: number) => [
      `Subir la opción ${n}`,
      `Bajar la opción ${n}`,
      `Quitar la opción ${n}`,
    ],
    newSchedule: 'Nombre del nuevo horario',
    createSchedule: 'Crear horario',
  },
] as const;

type Words = (typeof languages)[number];

const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
] as const;

/** Each of `controls` lies between the left and right edges of `panel` (half a pixel of rounding). */
async function expectInside(panel: Locator, controls: Locator[]): Promise<void> {
  const outer = (await panel.boundingBox())!;
  for (const control of controls) {
    await expect(control).toBeVisible();
    const box = (await control.boundingBox())!;
    const where = `${await control.evaluate((el) => el.outerHTML.slice(0, 120))} in a panel from ${outer.x} to ${outer.x + outer.width}`;
    expect(box.x, where).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(box.x + box.width, where).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  }
}

/** No label, legend, list entry or button text in `area` is wider than its own box. */
async function expectNoOverflow(area: Locator): Promise<void> {
  const overflowing = await area
    .locator('label, legend, li, time, li > span, button, p')
    .evaluateAll((elements) =>
      elements
        .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth)
        .map((el) => `${el.tagName} “${el.textContent}” ${el.scrollWidth} > ${el.clientWidth}`),
    );
  expect(overflowing).toEqual([]);
}

/** The new holiday's labels sit above their fields, so neither field covers a label. */
async function expectStacked(holidays: Locator, w: Words): Promise<void> {
  for (const name of [w.holidayDate, w.holidayName]) {
    const label = (await holidays.getByText(name, { exact: true }).boundingBox())!;
    const field = (await holidays.getByRole('textbox', { name, exact: true }).boundingBox())!;
    expect(label.y + label.height, `${name}: label above its field`).toBeLessThanOrEqual(
      field.y + 0.5,
    );
    expect(label.x, `${name}: label over its field`).toBeGreaterThanOrEqual(field.x - 0.5);
  }
}

/** The day as a Portuguese or Spanish page writes it. */
const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');

/** Adds a holiday with the editor's new-holiday row (the date typed as ISO, which any language takes). */
async function addHoliday(group: Locator, w: Words, date: string, name: string): Promise<Locator> {
  await group.getByRole('textbox', { name: w.holidayDate, exact: true }).fill(date);
  await group.getByRole('textbox', { name: w.holidayName, exact: true }).fill(name);
  await group.getByRole('button', { name: w.addHoliday }).click();
  const remove = group.getByRole('button', { name: w.removeHoliday(dayMonthYear(date), name) });
  await expect(remove).toBeVisible();
  return remove;
}

/** The page as it looks, kept with the test's results (to look at, not compared). */
async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Selects a node of the open flow with "Find a node". */
async function selectNode(page: Page, w: Words, query: string, name: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: w.findNode }).fill(query);
  await page.getByRole('listbox', { name: w.matchingNodes }).getByRole('option', { name }).click();
}

for (const w of languages) {
  test.describe(w.locale, () => {
    test.use({ locale: w.locale });

    for (const size of sizes) {
      test(`at ${size.width}×${size.height}, the schedule's holidays and the menu's options stay inside the inspector`, async ({
        page,
      }, testInfo) => {
        await page.setViewportSize(size);
        const designer = new DesignerPage(page);
        await designer.open();
        await page
          .getByRole('link', { name: /^Recepção Loja Exemplo/ })
          .first()
          .click();
        const inspector = page.getByRole('complementary', { name: w.inspector });

        await selectNode(page, w, 'Horário', /Horário de atendimento/);
        const holidays = inspector.getByRole('group', { name: w.holidays, exact: true });
        // The example's two holidays, and one more with a long name.
        const long = await addHoliday(holidays, w, '2026-11-20', w.longName);
        await expect(holidays.getByRole('listitem')).toHaveText([
          `20/11/2026${w.longName}`,
          '25/12/2026Natal',
          '01/01/2027Confraternização Universal',
        ]);
        const natal = holidays.getByRole('button', {
          name: w.removeHoliday('25/12/2026', 'Natal'),
        });
        await holidays.scrollIntoViewIfNeeded();
        await snapshot(page, testInfo, 'schedule-holidays');
        await expectInside(inspector, [
          holidays,
          ...(await holidays.getByRole('listitem').all()),
          natal,
          long,
          holidays.getByRole('textbox', { name: w.holidayDate, exact: true }),
          holidays.getByRole('textbox', { name: w.holidayName, exact: true }),
          holidays.getByRole('button', { name: w.addHoliday }),
        ]);
        await expectNoOverflow(holidays);
        await expectStacked(holidays, w);

        await selectNode(page, w, 'Menu principal', /Menu principal/);
        const option = inspector.getByRole('group', { name: w.option(2), exact: true });
        await option.scrollIntoViewIfNeeded();
        await snapshot(page, testInfo, 'menu-options');
        for (const n of [1, 2]) {
          const group = inspector.getByRole('group', { name: w.option(n), exact: true });
          await expectInside(inspector, [
            group,
            ...(await group.getByRole('combobox').all()),
            ...(await group.getByRole('textbox').all()),
            ...w.optionButtons(n).map((name) => group.getByRole('button', { name })),
          ]);
          await expectNoOverflow(group);
        }
        expect(designer.errors).toEqual([]);
      });

      test(`at ${size.width}×${size.height}, the Schedules page's holidays stay inside the schedule`, async ({
        page,
      }, testInfo) => {
        await page.setViewportSize(size);
        const designer = new DesignerPage(page);
        await page.goto('/#/schedules');
        await page.getByRole('textbox', { name: w.newSchedule }).fill('Comercial');
        await page.getByRole('button', { name: w.createSchedule }).click();
        const schedule = page.getByRole('form', { name: 'Comercial' });
        const holidays = schedule.getByRole('group', { name: w.holidays, exact: true });
        const natal = await addHoliday(holidays, w, '2026-12-25', 'Natal');
        const long = await addHoliday(holidays, w, '2027-01-01', w.longName);
        await holidays.scrollIntoViewIfNeeded();
        await snapshot(page, testInfo, 'schedules-page-holidays');
        const date = holidays.getByRole('textbox', { name: w.holidayDate, exact: true });
        const name = holidays.getByRole('textbox', { name: w.holidayName, exact: true });
        await expectInside(schedule, [holidays]);
        await expectInside(holidays, [
          ...(await holidays.getByRole('listitem').all()),
          natal,
          long,
          date,
          name,
          holidays.getByRole('button', { name: w.addHoliday }),
        ]);
        await expectStacked(holidays, w);
        await expectNoOverflow(holidays);
        expect(designer.errors).toEqual([]);
      });
    }
  });
}
