/** Las etiquetas de los botones, en español: cada una se reconoce también escrita (ver dialogs/intents.ts). */
import type { Catalogue } from '../../../src/i18n/language';
import type { buttonLabelsEn, numberButtonEn } from '../buttonLabels';

export const buttonLabelsEs: Catalogue<typeof buttonLabelsEn> = {
  startPort: 'Iniciar mi portabilidad',
  tips: 'Consejos para la portabilidad',
  status: 'Ver el estado de mi portabilidad',
  agent: 'Hablar con un agente',
  yes: 'Sí',
  no: 'No',
  resume: 'Continuar donde me quedé',
  startOver: 'Empezar de nuevo',
  help: 'Más ayuda con este dato',
  keepTrying: 'Seguir intentando',
  form: 'Llenar un solo formulario',
  fixNow: 'Corregir mi solicitud',
  keepWaiting: 'Seguir esperando',
  backToBot: 'Continuar con el asistente',
  callback: 'Dejar mi correo electrónico',
  thatsIt: 'Sí, es exactamente ese',
  typeAgain: 'Quiero escribirlo de nuevo',
  spanish: 'Español',
  english: 'English',
};

export const numberButtonEs: Catalogue<typeof numberButtonEn> = {
  useNumber: (number: string) => `Usar el ${number}`,
};
