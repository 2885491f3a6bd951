import { i18n } from '../i18n/index.ts';

/** A picked or dropped file's text (FileReader: supported everywhere the designer runs). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error(i18n.t('errors.unreadableFile')));
    reader.readAsText(file);
  });
}
