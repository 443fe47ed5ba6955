/** Lo que dice el asistente alrededor de las preguntas paso a paso. */
import type { Catalogue } from '../../../src/i18n/language';
import type { collectCsrTextEn } from '../collectCsrText';
import { inSentence } from '../inSentence';

export const collectCsrTextEs: Catalogue<typeof collectCsrTextEn> = {
  intro:
    'Le pediré cada dato, uno a la vez, y lo revisaré sobre la marcha. Tenga a mano su factura o su CSR: los datos ' +
    'deben coincidir con lo que su compañía actual tiene registrado. También puede pegar el texto de su CSR y yo tomaré ' +
    'de ahí lo que pueda.',
  resumed: (done: number, total: number, next: string) =>
    `Ya me dio ${done} de ${total} datos. Sigamos con: ${inSentence(next)}.`,
};
