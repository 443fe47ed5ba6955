/**
 * What a customer's message asks for, when it asks for something rather than answering a question: keyword and
 * phrase patterns, matched against the whole (short) message so that an answer such as an address or a name is never
 * mistaken for a command. Every button label (text/buttonLabels.ts), in every language, is recognised as the intent it
 * stands for. English and Spanish are understood whichever language the bot is speaking: a customer reading Spanish
 * may still type "cancel", and one reading English "ayuda". Patterns are written without accents, as many people
 * type Spanish ("si", "espanol"); the message is compared with its accents taken off.
 */

export const INTENTS = [
  // First: "español" at any step is a switch, never an answer.
  'spanish',
  'english',
  'cancelAndDelete',
  'backToBot',
  'cancel',
  'startOver',
  'agent',
  'status',
  'help',
  'form',
  'stepByStep',
  'tips',
  'resume',
  'fixNow',
  'keepTrying',
  'keepWaiting',
  'callback',
  'thatsIt',
  'typeAgain',
  'yes',
  'no',
  'startPort',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Longer messages are answers or pasted records, never commands (nor choices: see IntentChoicePrompt). */
export const MAX_COMMAND_LENGTH = 120;

/** In INTENTS order: the first intent whose pattern matches wins ("start over" is not "start", "cancel and delete" not "cancel"). */
const PATTERNS: Readonly<Record<Intent, readonly RegExp[]>> = {
  spanish: [
    /^(?:espanol|castellano|spanish|en espanol|in spanish|(?:i )?speak spanish|spanish please|(?:switch|change)(?: (?:the )?language)? to spanish|(?:hablo|habla|hablas|hable) espanol|(?:(?:quiero|prefiero|puede|podemos|me gustaria) )?(?:hablar|seguir|continuar|cambiar a|atenderme|que me atiendan)? ?en espanol|cambiar (?:el idioma )?a espanol)$/,
  ],
  english: [
    /^(?:english|ingles|en ingles|in english|(?:i )?speak english|english please|(?:switch|change)(?: (?:the )?language)? to english|(?:hablo|habla|hablas|hable) ingles|(?:(?:quiero|prefiero|puede|podemos|me gustaria) )?(?:hablar|seguir|continuar) en ingles|cambiar (?:el idioma )?a ingles)$/,
  ],
  cancelAndDelete: [
    /^(?:(?:cancel|stop|quit)\b.*\b)?(?:delete|erase|remove|wipe|forget)\b(?:.*\b)?(?:details|data|info|information|answers|everything|draft)(?: too| as well)?$/,
    /^(?:(?:cancelar|cancele|cancela|parar|detener)\b.*\b)?(?:borrar|borre|borra|borren|eliminar|elimine|elimina|eliminen|olvidar|olviden)\b(?:.*\b)?(?:datos|informacion|respuestas|todo|borrador)(?: tambien)?$/,
  ],
  backToBot: [
    /^(?:(?:i'll |i will |i'd rather |i would rather |let me |i want to |i'd like to |just )?(?:go )?(?:back to|continue with|carry on with|stay with|talk to|chat with|keep going with) (?:the |you,? )?(?:bot|assistant|porting assistant|you)(?: instead)?|no (?:agent|person|human) needed|i don't need (?:an agent|a person|a human)(?: anymore| any more)?)$/,
    /^(?:(?:quiero |prefiero |mejor )?(?:volver|regresar|seguir|continuar|quedarme) con (?:el )?(?:bot|asistente|asistente de portabilidad|usted)|(?:ya )?no necesito (?:un agente|una persona|a nadie)(?: ya)?)$/,
  ],
  cancel: [
    /^(?:cancel|stop|quit|exit|abort|never ?mind|forget (?:it|about it)|i(?:'d like| want| need) to (?:cancel|stop|quit))$/,
    /^(?:cancel|stop) (?:it|this|that|here|now|for now|my port|the port|my request|the request|porting|the transfer)$/,
    /^(?:cancelar|cancele|cancela|detener|parar|salir|olvidalo|olvidelo|dejalo|dejelo|(?:quiero|deseo|necesito) (?:cancelar|parar|salir))$/,
    /^(?:cancelar|parar|detener) (?:esto|aqui|ahora|por ahora|mi portabilidad|la portabilidad|mi solicitud|la solicitud|la transferencia)$/,
  ],
  startOver: [
    /^(?:(?:let's |i want to |i'd like to |can i )?start (?:over|again|from scratch|from the (?:beginning|start|top))|restart|begin again|reset)$/,
    /^(?:(?:quiero |deseo |prefiero )?(?:(?:empezar|comenzar|iniciar) (?:de nuevo|otra vez|desde el principio|desde cero)|volver a empezar)|reiniciar)$/,
  ],
  agent: [
    /^(?:(?:i (?:want|need|would like|'d like)|can i|could i|let me|may i)(?: to)? )?(?:talk|speak|chat) (?:to|with) (?:an? |the |some |a real |a live |real |live )?(?:agent|human|person|representative|rep|operator|someone|somebody|support|customer (?:service|support|care)|specialist)(?: please| now)?$/,
    /^(?:(?:i (?:want|need|would like|'d like)) )?(?:an? |the |a real |a live |real |live )?(?:agent|human|person|representative|rep|operator|human agent|live agent|customer (?:service|support|care))(?: please)?$/,
    /^(?:(?:quiero|necesito|deseo|puedo|podria|me gustaria|prefiero) )?(?:hablar|chatear|comunicarme) con (?:(?:un|una|el|la|algun|alguna) )?(?:agente|persona|humano|representante|asesora?|alguien|especialista|operadora?|servicio al cliente)(?: real| de verdad| en vivo)?(?: ahora)?$/,
    /^(?:(?:quiero|necesito) )?(?:(?:un|una) )?(?:agente|representante|asesora?|persona real|humano|operadora?|agente en vivo)$/,
  ],
  status: [
    /^(?:(?:check|what(?:'s| is)|show|see|get)(?: (?:the|my))? (?:port |request |transfer )?status(?: of my (?:port|request|transfer))?|(?:port |my )?status|(?:where|how)(?: is|'s) my (?:port|request|transfer|number)|check my port|any (?:news|updates?)|is my (?:port|transfer) (?:done|complete|finished))$/,
    /^(?:estado|(?:ver|consultar|revisar|saber) (?:el )?estado(?: de (?:mi|la) (?:portabilidad|solicitud|transferencia))?|estado de (?:mi|la) (?:portabilidad|solicitud|transferencia)|(?:como|donde) (?:va|esta|anda) mi (?:portabilidad|solicitud|transferencia|numero)|(?:hay )?(?:alguna )?novedad(?:es)?|ya (?:esta|termino) mi (?:portabilidad|transferencia))$/,
  ],
  help: [
    /^(?:\?+|help|help me|i need help|need help|what do i do|what should i (?:do|say|type|enter|put)|i'm (?:stuck|confused|lost)|i don't (?:understand|know|get it)|what does (?:this|that|it) mean|what(?:'s| is) (?:this|that)|huh|explain|more help(?: on this(?: field| question| one)?)?|(?:how|where) (?:do|can) i find (?:this|that|it))$/,
    /^(?:ayuda|ayudame|ayudeme|necesito ayuda|no entiendo|no se|no lo se|que hago|que debo (?:hacer|poner|escribir)|estoy (?:confundid[oa]|perdid[oa])|que significa (?:esto|eso)|que es (?:esto|eso)|expliqueme|explicame|mas ayuda(?: con este dato| con esta pregunta)?|(?:como|donde) (?:lo )?encuentro(?: esto| eso)?)$/,
  ],
  form: [
    /^(?:(?:the |a |one )?form|(?:show|give|send) me (?:the|a|one) form|fill in (?:one|a|the) form|(?:use|open) (?:the|a|one) form|i(?:'d| would) (?:rather|prefer|like)(?: to (?:use|fill in))? (?:a|the|one) form|all (?:at once|in one go))$/,
    /^(?:(?:el |un )?formulario|(?:llenar|completar|usar) (?:un solo|un|el) formulario|(?:prefiero|quiero) (?:llenar |usar )?(?:un solo|un|el) formulario|(?:muestreme|muestrame|deme|dame) el formulario|todo (?:a la vez|de una vez))$/,
  ],
  stepByStep: [
    /^(?:(?:i'd rather|i would rather|i'd prefer(?: to)?|i prefer(?: to)?|i'd like to|i want to|let's|let me|can we|could we|can i|could i|can you|could you) )?(?:(?:go|do it|do this|answer(?: them)?|ask me|switch(?: back)? to|change to|continue|carry on) )?(?:step[ -]by[ -]step|(?:one|a) (?:question|detail) at a time|one at a time|one by one)(?: instead)?$/,
    /^(?:(?:prefiero |quiero |mejor )?(?:ir |seguir |continuar |hacerlo )?(?:paso a paso|(?:una|un) (?:pregunta|dato) a la vez|uno por uno|(?:de )?una (?:pregunta )?por una))$/,
  ],
  tips: [
    /^(?:(?:porting |quick |some )?tips?|give me (?:some )?tips|advice|what do i need(?: to know)?|how does (?:it|this|porting) work)$/,
    /\btips\b/,
    /^(?:consejos?|(?:dame |deme )?(?:algunos )?consejos|que necesito(?: saber)?|como funciona(?: la portabilidad)?)$/,
    /\bconsejos\b/,
  ],
  resume: [
    /^(?:continue|carry on|resume|go on|keep going|(?:continue|pick up) where i (?:stopped|left off)|continue my (?:port|request)|finish my (?:port|request))$/,
    /^(?:continuar|seguir|reanudar|(?:continuar|seguir) donde me quede|continuar (?:con )?mi (?:portabilidad|solicitud)|terminar mi (?:portabilidad|solicitud))$/,
  ],
  fixNow: [
    /^(?:fix (?:it|this|that|my (?:port|request|port request|details)|the (?:request|details))(?: now)?|fix now|correct (?:it|my (?:port|request|details)))$/,
    /^(?:(?:corregir|arreglar)(?:lo|la)?(?: (?:mi|la) solicitud| mis datos| los datos)?(?: ahora)?)$/,
  ],
  keepWaiting: [
    /^(?:keep waiting|i'll (?:keep )?wait|i will wait|i can wait|wait|i'll hold|still waiting)$/,
    /^(?:seguir esperando|sigo esperando|espero|esperare|puedo esperar|esperar)$/,
  ],
  callback: [
    /^(?:leave my email|(?:i'll |let me )?(?:leave|give you|send you) my email(?: address)?|email me(?: back| instead)?|(?:a |request a )?call ?back(?: by email)?|(?:contact|reach) me (?:by|via) email|have someone email me)$/,
    /^(?:(?:quiero )?dejar(?:le)? mi (?:correo(?: electronico)?|email)|(?:le|les) dejo mi (?:correo(?: electronico)?|email)|(?:que me )?(?:escriban|contacten) por correo(?: electronico)?|envienme un correo)$/,
  ],
  keepTrying: [
    /^(?:keep trying|try again|let me try again|i'll try again|one more try)$/,
    /^(?:seguir intentando|sigo intentando|intentar(?:lo)? (?:de nuevo|otra vez)|(?:lo )?intento (?:de nuevo|otra vez))$/,
  ],
  // Before yes and no, which would take them: the answers to "Is that exactly what your carrier gave you?".
  thatsIt: [
    /^yes,? (?:that's|that is) it$/,
    /^(?:that's|it's|it is) exactly (?:it|right|what (?:they|it) gave me)$/,
    /^si,? (?:es (?:ese|esa|eso|correcto|asi)|eso es|es exactamente (?:ese|esa|eso|lo que me dieron))$/,
    /^(?:es|eso es) exactamente (?:lo que me dieron|asi)$/,
  ],
  typeAgain: [
    /^(?:no,? )?(?:let me |i'll |i will |i want to |i'd like to )?(?:type|enter|write|put) it (?:in )?again$/,
    /^(?:no,? )?(?:let me )?re-?type it$/,
    /^(?:no,? )?(?:quiero |dejeme |dejame |voy a )?(?:escribirlo|ingresarlo|teclearlo|escribirla|ingresarla) (?:de nuevo|otra vez)$/,
  ],
  yes: [
    /^(?:y|ya|yea|ok|okay|k|correct|right|it is|active|of course|absolutely|definitely|affirmative|i do|that's (?:right|correct|it))$/,
    /^(?:yes|yeah|yep|yup|sure)\b/,
    /^(?:it's )?still active$/,
    /^(?:si|sip|claro|correcto|asi es|por supuesto|desde luego|de acuerdo|esta bien|dale|afirmativo|activo|activa|(?:sigue|esta|todavia esta|aun esta) activ[oa])$/,
    /^(?:si|claro)\b/,
  ],
  no: [
    /^(?:n|nah|not really|incorrect|wrong|that's wrong|negative|i don't|it's not|it isn't|not active)$/,
    /^(?:no|nope)\b/,
    /^(?:it's |it was |i )?(?:already )?cancell?ed(?: it)?$/,
    /^(?:nop|para nada|incorrecto|negativo|(?:ya )?(?:lo |la )?cancele|(?:ya )?(?:esta )?cancelad[oa])$/,
  ],
  startPort: [
    /^(?:port|start|begin|get started|let's (?:go|start|begin|do it)|start (?:a|my|the) port|start porting|new port)$/,
    /\b(?:port|transfer|switch|move|bring|take)\b.*\b(?:number|numbers|line|lines|phone)\b/,
    /^(?:(?:empezar|comenzar|iniciar)(?: (?:mi|la|una) portabilidad)?|nueva portabilidad|(?:quiero |deseo )?(?:hacer |iniciar )?(?:la |una )?portabilidad)$/,
    /\b(?:transferir|traer|pasar|portar|cambiar|mover|traerme|cambiarme)\b.*\b(?:numero|numeros|linea|lineas|telefono|celular)\b/,
  ],
};

/** Lower case without accents, straight apostrophes, single spaces, no surrounding punctuation or politeness. */
function normalize(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s.,!:;¿¡-]+|[\s.,!:;?]+$/g, '')
    .replace(/^(?:please|pls|hi|hello|hey|ok so|so|um|por favor|hola|buenas|buenos dias|buenas tardes|oiga|este)[, ]+/, '')
    .replace(/[, ]+(?:please|pls|thanks|thank you|por favor|gracias|muchas gracias)$/, '');
}

/** The intent of a message, if it is a command rather than an answer. A lone "?" asks for help. */
export function recognizeIntent(text: string | undefined): Intent | undefined {
  if (text === undefined || text.length > MAX_COMMAND_LENGTH) return undefined;
  if (/^\s*\?+\s*$/.test(text)) return 'help';
  const message = normalize(text);
  if (message === '') return undefined;
  return INTENTS.find((intent) => PATTERNS[intent].some((pattern) => pattern.test(message)));
}

