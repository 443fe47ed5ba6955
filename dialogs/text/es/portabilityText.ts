/**
 * Lo que dice el asistente cuando la verificación del proveedor de portabilidad determina que un número no se puede
 * transferir con nosotros: qué números, por qué en palabras sencillas (nunca el código del proveedor) y que una persona
 * puede revisarlo.
 */
import type { Catalogue } from '../../../src/i18n/language';
import type { NotPortableReason } from '../../../src/domain';
import { type portabilityTextEn, refusedLines } from '../portabilityText';

const reasons = {
  notCovered: (numbers, many) =>
    `${many ? 'Los números' : 'El número'} ${numbers} todavía no ${many ? 'se pueden' : 'se puede'} transferir a nuestra compañía: no damos servicio en ${many ? 'esas zonas' : 'esa zona'}.`,
  alreadyWithUs: (numbers, many) =>
    `${many ? 'Los números' : 'El número'} ${numbers} ya ${many ? 'están' : 'está'} con nosotros, así que no hay nada que transferir.`,
  portInProgress: (numbers, many) =>
    `${many ? 'Los números' : 'El número'} ${numbers} ya ${many ? 'se están' : 'se está'} transfiriendo a nuestra compañía con otra solicitud.`,
  heldElsewhere: (numbers, many) =>
    `${many ? 'Los números' : 'El número'} ${numbers} ya ${many ? 'están' : 'está'} en nuestra red con otra cuenta, así que no ${many ? 'se pueden' : 'se puede'} transferir de esta forma.`,
  manualOnly: (numbers, many) =>
    `${many ? 'Los números' : 'El número'} ${numbers} no ${many ? 'se pueden' : 'se puede'} transferir en este chat, pero nuestro equipo de portabilidad puede ${many ? 'transferirlos' : 'transferirlo'} por usted.`,
  tollFree: (numbers, many) =>
    `${many ? 'Los números' : 'El número'} ${numbers} ${many ? 'son números gratuitos, que se transfieren' : 'es un número gratuito, que se transfiere'} por un proceso aparte.`,
  unspecified: (numbers, many) =>
    `Según nuestra verificación, ${many ? 'los números' : 'el número'} ${numbers} no ${many ? 'se pueden' : 'se puede'} transferir a nuestra compañía en este momento.`,
} satisfies Record<NotPortableReason, (numbers: string, many: boolean) => string>;

export const portabilityTextEs: Catalogue<typeof portabilityTextEn> = {
  reasons,
  noneCanMove: (groups) =>
    `${refusedLines(groups)}\n\nSi tiene otros números para transferir, envíemelos. O hable con una persona de nuestro equipo, que puede revisarlo con usted.`,
  someCannotMove: (groups, kept: number) =>
    `${refusedLines(groups)} Guardé ${kept === 1 ? 'el otro número' : 'los otros números'}. ` +
    'Si desea que una persona de nuestro equipo lo revise, solo pida hablar con un agente.',
  formPersonOffer: 'Una persona de nuestro equipo puede revisar con usted los números que no se pueden transferir.',
};
