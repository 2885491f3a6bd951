import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { beforeRestoringNote } from '../persistence/index.ts';
import { AUTO_NOTES, versionName } from './versionNames.ts';

const auto = (note: string) => ({ auto: true, note });

describe('versionName', () => {
  it('names automatic versions by what made them, in the UI language', () => {
    const en = i18n.getFixedT('en');
    const pt = i18n.getFixedT('pt-BR');
    const es = i18n.getFixedT('es');
    expect(versionName(auto(AUTO_NOTES.opened), en, 5)).toBe('On opening');
    expect(versionName(auto(AUTO_NOTES.editing), en, 5)).toBe('Every 5 minutes');
    expect(versionName(auto(AUTO_NOTES.left), en, 5)).toBe('On leaving the editor');
    expect(versionName(auto(AUTO_NOTES.opened), pt, 5)).toBe('Ao abrir');
    expect(versionName(auto(AUTO_NOTES.editing), pt, 5)).toBe('A cada 5 minutos');
    expect(versionName(auto(AUTO_NOTES.editing), es, 1)).toBe('Cada minuto');
  });

  it('is never the schedule output’s word for “open”', () => {
    const pt = i18n.getFixedT('pt-BR');
    expect(versionName(auto(AUTO_NOTES.opened), pt, 5)).not.toBe(pt('ports.open'));
    expect(versionName(auto(AUTO_NOTES.opened), pt, 5).toLowerCase()).not.toBe('aberto');
  });

  it('names the version kept before a restore after the restored one', () => {
    const pt = i18n.getFixedT('pt-BR');
    expect(versionName(auto(beforeRestoringNote('Menu novo')), pt, 5)).toBe(
      'Antes de restaurar “Menu novo”',
    );
    expect(versionName(auto(beforeRestoringNote(AUTO_NOTES.opened)), pt, 5)).toBe(
      'Antes de restaurar “Ao abrir”',
    );
    expect(versionName(auto(beforeRestoringNote('')), pt, 5)).toBe('Antes de restaurar uma versão');
  });

  it('keeps a note written by hand as it is, even one that reads like an automatic one', () => {
    const en = i18n.getFixedT('en');
    expect(versionName({ auto: false, note: 'Opened' }, en, 5)).toBe('Opened');
    expect(versionName({ auto: false, note: '' }, en, 5)).toBe('Version');
    expect(versionName(auto(''), en, 5)).toBe('Automatic snapshot');
  });
});
