/** Lo que dicen las preguntas compartidas cuando una respuesta no corresponde a la pregunta en pantalla. */
import type { Catalogue } from '../../../src/i18n/language';
import type { promptTextEn } from '../promptText';

export const promptTextEs: Catalogue<typeof promptTextEn> = {
  staleButton: 'Ese botón es de una pregunta anterior. Esta es la pregunta en la que estamos ahora.',
  notUnderstood: 'Disculpe, no le entendí. Elija una de las opciones de abajo o escríbalo con sus propias palabras.',
};
