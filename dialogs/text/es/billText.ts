/** Lo que dice el bot de la copia de la factura que adjunta el cliente. */
import { BILL_LIMITS } from '../../../src/domain/billDocument';
import type { Catalogue } from '../../../src/i18n/language';
import type { billTextEn } from '../billText';

const MAX_MB = BILL_LIMITS.maxBytes / (1024 * 1024);

export const billTextEs: Catalogue<typeof billTextEn> = {
  kept: 'Gracias, guardé una copia de su factura. Se envía a nuestro equipo de portabilidad junto con su solicitud.',
  replaced:
    'Gracias, guardé esta copia de su factura en lugar de la que envió antes. Se envía a nuestro equipo de portabilidad ' +
    'junto con su solicitud.',
  readIntro: 'Tomé estos datos de su factura. Revíselos, por favor; puede cambiar cualquiera antes de firmar:',
  refused: {
    tooBig: `Ese archivo pesa más de ${MAX_MB} MB. Envíe una foto o un PDF más pequeño de su factura, por favor.`,
    wrongType: 'Puedo recibir su factura en PDF o como foto (JPEG, PNG o HEIC). Envíela en uno de esos formatos, por favor.',
    encrypted:
      'Ese PDF tiene contraseña, así que nuestro equipo de portabilidad no podría abrirlo. Envíe una copia sin contraseña, ' +
      'o una foto de la factura.',
    tooManyPages: `Ese PDF tiene más de ${BILL_LIMITS.maxPdfPages} páginas. Envíe solo su factura más reciente, por favor.`,
    unreadable: 'No pude abrir ese PDF. Intente con otra copia, o envíe una foto de la factura.',
    unreachable: 'No pude obtener ese archivo. Intente adjuntarlo de nuevo, por favor.',
  },
  notTaken: 'No puedo recibir archivos en este chat. Escriba sus datos, por favor.',
};
