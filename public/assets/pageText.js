/**
 * The "Bring your number" page's own words, in each language the bot speaks (the bot's are in dialogs/text). `**`
 * marks bold; `{carrier}` is the carrier customers move to, which the server puts on the page (CARRIER_NAME).
 * English is also written in index.html, so the page reads right before this script runs.
 */
export const pageText = {
  en: {
    title: 'Bring your number to {carrier} — Porting Assistant',
    description: 'Move your phone number to {carrier} with the Porting Assistant: it walks you through every step and checks your details as you go.',
    skipLink: 'Skip to the chat',
    home: 'Porting Assistant home',
    tagline: 'Keep your number. Switch to {carrier}.',
    heading: 'Bring your number',
    lead:
      'Porting moves your phone number from your current carrier to us at {carrier}. You keep the same number; only ' +
      'the carrier behind it changes. Most mobile numbers move within hours; some take up to two weeks.',
    tipsSummary: 'Three quick tips before you start',
    tip1: '**Keep your current service.** Don’t cancel it until your number has moved, or you could lose the number.',
    tip2:
      '**Get your Customer Service Record (CSR)** from your current carrier. It has your account number, transfer PIN, ' +
      'and the name and address on the account.',
    tip3:
      '**Fill in the Letter of Authorization** with exactly what your CSR says. Details that don’t match are the most ' +
      'common reason a port is turned down.',
    note: 'The assistant takes you through each step and checks your answers as you go. Type **agent** at any time to reach a person.',
    chatTitle: 'Chat with the Porting Assistant',
    footer: 'The assistant never shows your PIN, and shows only the last four digits of your account number.',
    connecting: 'Connecting you to the Porting Assistant…',
    failed: 'We couldn’t start the chat. Please check your connection and reload the page.',
    placeholder: 'Type your answer',
    /** The button to this language, on the other language's page, and what it tells the bot. */
    switchTo: 'English',
  },
  es: {
    title: 'Transfiera su número a {carrier} — Asistente de Portabilidad',
    description: 'Transfiera su número de teléfono a {carrier} con el Asistente de Portabilidad: le guía en cada paso y revisa sus datos sobre la marcha.',
    skipLink: 'Ir al chat',
    home: 'Inicio del Asistente de Portabilidad',
    tagline: 'Conserve su número. Cámbiese a {carrier}.',
    heading: 'Transfiera su número',
    lead:
      'La portabilidad transfiere su número de teléfono de su compañía actual a {carrier}. Usted conserva el mismo ' +
      'número; solo cambia la compañía que le da servicio. La mayoría de los números de celular se transfieren en ' +
      'unas horas; algunos tardan hasta dos semanas.',
    tipsSummary: 'Tres consejos rápidos antes de empezar',
    tip1: '**Mantenga su servicio actual.** No lo cancele hasta que su número se haya transferido, o podría perder el número.',
    tip2:
      '**Obtenga su Registro de Servicio al Cliente (CSR)** de su compañía actual. Tiene su número de cuenta, su PIN de ' +
      'transferencia y el nombre y la dirección de la cuenta.',
    tip3:
      '**Llene la Carta de Autorización** exactamente con lo que dice su CSR. Los datos que no coinciden son el motivo ' +
      'más común por el que se rechaza una portabilidad.',
    note: 'El asistente le guía en cada paso y revisa sus respuestas sobre la marcha. Escriba **agente** en cualquier momento para hablar con una persona.',
    chatTitle: 'Chat con el Asistente de Portabilidad',
    footer: 'El asistente nunca muestra su PIN y solo muestra los últimos cuatro dígitos de su número de cuenta.',
    connecting: 'Conectando con el Asistente de Portabilidad…',
    failed: 'No pudimos iniciar el chat. Revise su conexión y vuelva a cargar la página.',
    placeholder: 'Escriba su respuesta',
    switchTo: 'Español',
  },
};

/** Web Chat's locale for each language: its own words (the send box, the buttons) and what the bot is told. */
export const webChatLocale = { en: 'en-US', es: 'es-US' };
