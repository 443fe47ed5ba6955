/** La bienvenida, el menú principal y la oferta de continuar una portabilidad empezada antes. */
import type { Catalogue } from '../../../src/i18n/language';
import type { mainTextEn } from '../mainText';
import { inSentence } from '../inSentence';

export const mainTextEs: Catalogue<typeof mainTextEn> = {
  greeting: (newCarrier: string) =>
    `Hola, soy el Asistente de Portabilidad. Le ayudaré a transferir su número de teléfono a ${newCarrier}, paso a paso.`,
  menu: {
    intro: 'Esto es lo que puedo hacer por usted:',
    descriptions: {
      startPort: 'transferir su número a nuestra compañía, paso a paso',
      tips: 'qué tener a mano para que su portabilidad se apruebe a la primera',
      status: 'ver en qué va su solicitud de portabilidad',
      agent: 'comunicarse con una persona de nuestro equipo de portabilidad',
    },
    outro: 'Elija una opción o dígame con sus propias palabras qué necesita.',
    again: '¿Hay algo más en lo que le pueda ayudar?',
    help:
      'Elija **Iniciar mi portabilidad** para transferir su número a nuestra compañía, **Consejos para la portabilidad** para ' +
      'saber qué tener a mano, **Ver el estado de mi portabilidad** para saber en qué va su solicitud, o **Hablar con ' +
      'un agente** para comunicarse con una persona.',
  },
  resume: {
    offer: (done: number, total: number, next: string) =>
      `¡Hola de nuevo! Tiene una solicitud de portabilidad en curso: ${done} de ${total} datos listos. ` +
      `Siguiente paso: ${inSentence(next)}.`,
    readyToSign: '¡Hola de nuevo! Su solicitud de portabilidad ya tiene todos sus datos: solo falta que los revise y los firme.',
    question: '¿Desea continuar donde se quedó o empezar de nuevo?',
    help:
      'Elija **Continuar donde me quedé** para seguir con el próximo dato; todo lo que me dio está guardado. Elija ' +
      '**Empezar de nuevo** para borrarlo y comenzar otra vez.',
  },
  sessionNotRestored:
    'Lo siento: no pude recuperar los datos que me dio antes, así que tendremos que repasarlos de nuevo. ' +
    'Esto no afecta ninguna solicitud que ya haya enviado.',
  newAfterSigned: (referenceNumber: string) =>
    `Su solicitud firmada (referencia ${referenceNumber}) ya está con nuestro equipo de portabilidad. Empecemos su nueva solicitud.`,
};
