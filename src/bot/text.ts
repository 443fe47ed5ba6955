/** What the bot itself (outside any dialog) says to the customer, in one place for review and translation. */
import { type Catalogue, localized } from '../i18n/language';

const textEn = {
  /** In a Teams team channel: ports involve account numbers and PINs, which don't belong in a shared channel. */
  teamChannelMessage:
    'I help with number transfers one-to-one, because they involve account numbers and PINs. Open a chat with me ' +
    '(select my name, then **Chat**) and say **start my port**.',
  addedToTeam:
    "Hi, I'm the Porting Assistant. I take customers and support staff through moving a phone number to us. " +
    'To start a transfer, open a one-to-one chat with me.',
  turnError:
    'Sorry, something went wrong on my side. Your answers so far are saved — please send your last message again, or type **agent** to reach a person.',
} as const;

const textEs: Catalogue<typeof textEn> = {
  teamChannelMessage:
    'Ayudo con las transferencias de números en conversaciones privadas, porque incluyen números de cuenta y PIN. Abra ' +
    'un chat conmigo (seleccione mi nombre y luego **Chat**) y escriba **iniciar mi portabilidad**.',
  addedToTeam:
    'Hola, soy el Asistente de Portabilidad. Acompaño a los clientes y al personal de soporte en la transferencia de un ' +
    'número de teléfono a nuestra compañía. Para empezar una transferencia, abra un chat privado conmigo.',
  turnError:
    'Lo siento, algo salió mal de mi lado. Sus respuestas hasta ahora están guardadas: envíe de nuevo su último mensaje, o escriba **agente** para comunicarse con una persona.',
};

export const text = localized({ en: textEn, es: textEs });
