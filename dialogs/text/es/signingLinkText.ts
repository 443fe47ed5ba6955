/** Lo que lee el cliente al abrir el enlace para firmar una portabilidad que preparó nuestro equipo de servicio al cliente. */
import type { AssistedPort } from '../../../src/assisted/assistedPortStore';
import { formatPhoneNumberList } from '../../../src/domain/phoneNumbers';
import type { Catalogue } from '../../../src/i18n/language';
import { contactWays } from '../interruptionText';
import type { SupportContact } from '../../conversationDeps';
import type { signingLinkTextEn } from '../signingLinkText';


/** How to reach us (contactWays), or a plain "call us" where no contact is configured. */
const contactLine = (contact: SupportContact): string => contactWays(contact) || 'llámenos';

export const signingLinkTextEs: Catalogue<typeof signingLinkTextEn> = {
  opened: (port: AssistedPort) =>
    `¡Hola, ${port.holderName}! ${port.staffName ?? 'Nuestro equipo de servicio al cliente'} llenó con usted por teléfono ` +
    `su solicitud para transferir ${formatPhoneNumberList(port.numbers)} de ${port.carrierName} (cuenta ${port.maskedAccount}), con el ` +
    `número de referencia ${port.referenceNumber}.\n\nTerminémosla juntos: le pediré su PIN de transferencia, le mostraré ` +
    'cada dato para que lo revise y luego firmará la carta aquí.',
  refused: {
    used: (contact: SupportContact) =>
      `Este enlace para firmar ya se usó: cada enlace se abre una sola vez. Si no terminó de firmar, ${contactLine(contact)} y le enviaremos uno nuevo.`,
    expired: (contact: SupportContact) =>
      `Este enlace para firmar ya venció. Si todavía quiere transferir su número, ${contactLine(contact)} y le enviaremos uno nuevo.`,
    closed: (contact: SupportContact) =>
      'Este enlace para firmar ya no funciona: cada enlace se abre una sola vez, y puede que lo hayamos reemplazado por uno ' +
      `más nuevo o cancelado. Si todavía no ha firmado, use el correo más reciente que le enviamos, o ${contactLine(contact)}.`,
  },
  stopped: (contact: SupportContact) =>
    'La solicitud que nuestro equipo preparó para usted ya no se puede firmar aquí: su enlace se canceló, se reemplazó por ' +
    `uno más nuevo o venció. No se envió nada. Use el correo más reciente que le enviamos, o ${contactLine(contact)}.`,
};
