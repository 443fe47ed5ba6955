/** Lo que pregunta el bot sobre las cuentas de los números: una cuenta o varias, toda la cuenta o una parte. */
import { joinAsList } from '../../../src/domain/text';
import type { Catalogue } from '../../../src/i18n/language';
import type { portScopeTextEn } from '../portScopeText';

export const portScopeTextEs: Catalogue<typeof portScopeTextEn> = {
  sameAccount: {
    question: (count: number) => `¿Están los ${count} números en una sola cuenta con la misma compañía?`,
    help:
      'Las compañías transfieren los números de una cuenta a la vez. Elija **Sí** si todos los números están en una sola ' +
      'factura con una misma compañía. Elija **No** si están con compañías distintas o en cuentas separadas: haré una ' +
      'solicitud para cada cuenta, unidas bajo una sola referencia.',
  },
  firstAccount: {
    question: (numbers: readonly string[]) =>
      `¿Cuáles de estos números están en una misma cuenta: ${joinAsList(numbers)}? Envíe esos números ahora; los demás ` +
      'los haremos después, una cuenta a la vez.',
    help: 'Envíe los números que están en la misma factura con la misma compañía. Los demás tendrán su propia solicitud después de esta.',
    notGiven: (number: string, numbers: readonly string[]) =>
      `El ${number} no es uno de los números que me dio (${joinAsList(numbers)}). Envíe solo números de esa lista, por favor.`,
    unreadable: 'Envíe los números que están en una misma cuenta, por ejemplo (415) 555-0123.',
    allOfThem: 'Esos son todos, así que están en una sola cuenta: haremos una sola solicitud.',
    split: (first: readonly string[], later: readonly string[], parentReference: string) =>
      `Muy bien: primero ${joinAsList(first)}, y después ${joinAsList(later)} en una solicitud aparte. ` +
      `La referencia de su portabilidad es ${parentReference}: une las solicitudes, y con ella puede consultar el estado de todas.`,
  },
  wholeAccount: {
    question: (carrier: string) => `¿Va a transferir todos los números de esta cuenta de ${carrier}?`,
    help: (carrier: string) =>
      `Elija **No** si algunas líneas de la cuenta se quedan con ${carrier}. Se lo indicamos a ${carrier} para que esas ` +
      'líneas sigan funcionando, y si el número de facturación se transfiere, esas líneas necesitan uno nuevo.',
  },
  remainingBillingNumber: {
    question: (billing: string, carrier: string) =>
      `El ${billing} es el número de facturación de la cuenta, y se va a transferir a nuestra compañía. ¿Cuál de los ` +
      `números que se quedan con ${carrier} debe ser el nuevo número de facturación de esas líneas?`,
    help: (carrier: string) =>
      `Una cuenta de ${carrier} necesita un número de facturación. Cuando ese número se transfiere, una de las líneas que ` +
      `se quedan toma su lugar: por lo general, la línea principal que queda en la factura. ${carrier} le puede decir cuál.`,
    moving: (number: string) => `El ${number} se transfiere con esta portabilidad. Indique uno de los números que se quedan, por favor.`,
    saved: (number: string) => `Listo: el ${number} será el número de facturación de las líneas que se quedan.`,
  },
  nextAccount: (numbers: readonly string[], parentReference: string) =>
    `Ahora la siguiente cuenta: ${joinAsList(numbers)}. Tendrá su propia solicitud dentro de su portabilidad ${parentReference}. ` +
    'Conservé el titular de la cuenta, la dirección de servicio y el correo de la anterior: revíselos en el resumen y ' +
    'cambie los que sean distintos en esta cuenta.',
  partOfPort: (parentReference: string) =>
    `Esta solicitud es parte de su portabilidad ${parentReference}, que une las solicitudes de cada una de sus cuentas: con esa referencia puede consultar el estado de todas.`,
};
