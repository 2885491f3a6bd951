import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { rememberingT } from './NodeFrame.tsx';

describe('rememberingT', () => {
  it('says what t says, in its language, whether the label has options or not', () => {
    const spanish = i18n.getFixedT('es');
    const t = rememberingT(spanish);
    expect(t('node.outputs')).toBe(spanish('node.outputs'));
    expect(t('node.outputs')).not.toBe(i18n.getFixedT('en')('node.outputs'));
    expect(t('node.outputs')).toBe(spanish('node.outputs'));
    expect(t('common.errors', { count: 1 })).toBe(spanish('common.errors', { count: 1 }));
    expect(t('common.errors', { count: 3 })).toBe(spanish('common.errors', { count: 3 }));
  });
});
