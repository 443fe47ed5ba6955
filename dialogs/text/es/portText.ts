/** Lo que dice el asistente entre las etapas de una portabilidad: datos, revisión y firma. */
import type { Catalogue } from '../../../src/i18n/language';
import type { portTextEn } from '../portText';

export const portTextEs: Catalogue<typeof portTextEn> = {
  carryOnQuestion:
    '¿Desea seguir con la solicitud de todos modos? Si su compañía anterior reactiva su línea, la transferencia todavía puede realizarse.',
  carryOnHelp:
    'Elija **Sí** para llenar su solicitud ahora; podrá realizarse cuando su línea anterior vuelva a estar activa. Elija ' +
    '**No** para detenerse por ahora: todo lo que me dé queda guardado.',
  stoppedForService:
    'De acuerdo. Cuando su compañía anterior haya reactivado su línea, vuelva y elija **Iniciar mi portabilidad**: seguiré desde aquí.',
  afterSigned:
    'Un último consejo: cuando su número ya se haya transferido, pruébelo. Haga y reciba una llamada, y envíe y reciba un ' +
    'mensaje de texto, para asegurarse de que todo funciona.',
};
