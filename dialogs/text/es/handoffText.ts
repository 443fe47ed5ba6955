/** Lo que oye el cliente cuando una persona se une al chat: la búsqueda, la espera, la conversación y el regreso al asistente. */
import type { Catalogue } from '../../../src/i18n/language';
import type { handoffTextEn } from '../handoffText';
import { contactWays } from '../interruptionText';

const minutes = (count: number) => (count === 1 ? 'alrededor de un minuto' : `unos ${count} minutos`);

export const handoffTextEs: Catalogue<typeof handoffTextEn> = {
  finding: (expectedWaitMinutes: number, position: number) =>
    `Estoy buscando a una persona de nuestro equipo de portabilidad para usted. Por lo general tarda ${minutes(expectedWaitMinutes)}` +
    (position > 1 ? ` (usted es el número ${position} en la fila).` : '.') +
    ' Ya compartí con el equipo lo que me ha dicho hasta ahora, así que no tendrá que repetirlo. Su PIN nunca se comparte. ' +
    'Escriba **continuar con el asistente** si prefiere seguir conmigo.',
  alreadyWaiting: (position: number) =>
    `Ya está en la fila para hablar con una persona${position > 0 ? ` (es el número ${position})` : ''}. Una persona se unirá a este chat en cuanto esté disponible.`,
  alreadyWithAgent: (agentName: string) => `Ya está chateando con ${agentName}, de nuestro equipo de portabilidad.`,
  unavailable: (contact) =>
    (contactWays(contact)
      ? `En este momento nadie de nuestro equipo de portabilidad puede unirse a este chat. Para hablar con una persona, ${contactWays(contact)}.`
      : 'En este momento nadie de nuestro equipo de portabilidad puede unirse a este chat: comuníquese con nuestro servicio al cliente.') +
    ' Sus datos quedan guardados aquí, así que puede seguir conmigo cuando quiera.',
  stillWaiting: (position: number) =>
    `Gracias, ya lo compartí y la persona que se una al chat lo verá.${position > 0 ? ` Usted es el número ${position} en la fila.` : ''}`,
  takenOver: (agentName: string) =>
    `${agentName}, de nuestro equipo de portabilidad, se unió al chat. Todo lo que escriba ahora le llega a ${agentName}.`,
  fromAgent: (agentName: string, message: string) => `**${agentName} (equipo de portabilidad):** ${message}`,
  handedBack: (agentName: string) => `${agentName} me devolvió la conversación. Sigamos donde se quedó.`,
  corrected: (agentName: string, label: string, shown: string) => `${agentName} actualizó este dato (${label}): ${shown}.`,
  backToBot: 'De acuerdo, ya está de nuevo conmigo. Sigamos donde se quedó.',
  waitedLong:
    'Lo siento: todo nuestro equipo de portabilidad sigue ocupado. Puede seguir esperando, continuar conmigo o dejar su ' +
    'correo electrónico para que una persona le escriba.',
  keepWaiting: 'De acuerdo, sigue en la fila. Una persona se unirá en cuanto pueda.',
  askCallbackEmail: '¿A qué correo electrónico le puede escribir nuestro equipo de portabilidad?',
  callbackSaved: (email: string) =>
    `Gracias: una persona de nuestro equipo de portabilidad le escribirá a ${email}, normalmente en un plazo de un día hábil. ` +
    'Mientras tanto, sigamos donde se quedó.',
  platformFailed: (contact) =>
    'En este momento nadie de nuestro equipo de portabilidad pudo unirse.' +
    (contactWays(contact) ? ` Si lo desea, ${contactWays(contact)}.` : '') +
    ' Sigamos donde se quedó.',
  agentUnreachable: (agentName: string) => `No pude hacerle llegar su mensaje a ${agentName}: inténtelo de nuevo en un momento.`,
  buttonsPaused: (agentName: string) => `Ahora está chateando con ${agentName}: solo escriba su mensaje.`,
  // For the contact-center platform's agents, not the customer: in the agents' language (see agentText).
  reasons: {
    asked: 'The customer asked for a person.',
    stuck: 'The customer is stuck on a question.',
    serviceCancelled: 'The customer has already cancelled their current service.',
    rejectionNeedsPerson: 'The carrier rejected the port request for a reason that needs a person.',
  },
};
