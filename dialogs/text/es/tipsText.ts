/** Los consejos rápidos de portabilidad, breves y en orden, y las instrucciones de la compañía para obtener el CSR y el PIN. */
import type { Catalogue } from '../../../src/i18n/language';
import type { tipsTextEn } from '../tipsText';

export const tipsTextEs: Catalogue<typeof tipsTextEn> = {
  menuIntro: 'Aquí tiene tres consejos rápidos para que su portabilidad se apruebe a la primera.',
  portIntro: 'Antes de empezar, algo importante.',
  keepService: {
    tip:
      '**1. No cancele su servicio actual.** Mantenga su servicio telefónico con su compañía actual hasta que su número ' +
      'funcione con nosotros. Si se cancela la línea, se puede perder el número y la transferencia no se puede realizar.',
    question: '¿Su servicio telefónico actual sigue activo?',
    help:
      'Elija **Sí** si su teléfono todavía funciona con su compañía actual. Elija **No** si ya canceló ese servicio.',
    active:
      'Muy bien. Manténgalo activo hasta que su número funcione con nosotros: su compañía anterior cierra la línea una ' +
      'vez que el número se transfiere.',
    cancelled:
      'Gracias por decírmelo. Una línea cancelada puede perder su número, y la transferencia no se puede realizar mientras ' +
      'la línea esté cerrada. Si llama pronto a su compañía anterior, es posible que puedan reactivarla; una vez que esté ' +
      'activa otra vez, la transferencia puede seguir adelante.',
    personOffer:
      'Alguien de nuestro equipo de portabilidad puede ayudarle con esto: elija **Hablar con un agente** cuando quiera.',
  },
  getCsr: {
    tip:
      '**2. Obtenga su Registro de Servicio al Cliente (CSR).** Es lo que su compañía actual tiene registrado de su ' +
      'cuenta: el número de cuenta, el nombre del titular y la dirección de servicio, exactamente como los tienen ellos. ' +
      'Pídaselo a su compañía, o tenga a mano su factura más reciente o su cuenta en línea.',
    carrier: (ref, rules, pinExpiry: string | undefined) =>
      [
        ref.known
          ? `**Cómo obtener sus datos de ${ref.name}:**`
          : `**Cómo obtener sus datos de ${ref.name}** (orientación general):`,
        `- ${rules.instructions.csr}`,
        `- ${rules.instructions.accountNumber}`,
        `- ${pinExpiry ?? rules.instructions.pin}`,
        ...(rules.portOutLock
          ? [`- Si tiene activada la protección ${rules.portOutLock.name}, desactívela primero ${rules.portOutLock.where}; si no, la transferencia será rechazada.`]
          : ref.known
            ? []
            : ['- Si activó un bloqueo de número o una protección contra la portabilidad con su compañía actual, desactívelo antes de la transferencia.']),
      ].join('\n'),
  },
  fillLoa: {
    tip:
      '**3. Llene la Carta de Autorización (LOA).** Es el documento breve que usted firma para permitirnos transferir su ' +
      'número. Cada dato debe coincidir exactamente con su CSR (el nombre escrito igual, la misma dirección de servicio, ' +
      'el mismo número de cuenta), porque las compañías los comparan letra por letra, y una diferencia es el motivo más ' +
      'común por el que se rechaza una transferencia. Yo la lleno con sus respuestas; usted la revisa y la firma.',
  },
  menuOutro: 'Eso es todo. Cuando quiera, elija **Iniciar mi portabilidad**.',
};
