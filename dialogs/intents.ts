/**
 * What a customer's message asks for, when it asks for something rather than answering a question: keyword and
 * phrase patterns, matched against the whole (short) message so that an answer such as an address or a name is never
 * mistaken for a command. Every button label (text/buttonLabels.ts) is recognised as the intent it stands for.
 */

export const INTENTS = [
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
  cancelAndDelete: [
    /^(?:(?:cancel|stop|quit)\b.*\b)?(?:delete|erase|remove|wipe|forget)\b(?:.*\b)?(?:details|data|info|information|answers|everything|draft)(?: too| as well)?$/,
  ],
  backToBot: [
    /^(?:(?:i'll |i will |i'd rather |i would rather |let me |i want to |i'd like to |just )?(?:go )?(?:back to|continue with|carry on with|stay with|talk to|chat with|keep going with) (?:the |you,? )?(?:bot|assistant|porting assistant|you)(?: instead)?|no (?:agent|person|human) needed|i don't need (?:an agent|a person|a human)(?: anymore| any more)?)$/,
  ],
  cancel: [
    /^(?:cancel|stop|quit|exit|abort|never ?mind|forget (?:it|about it)|i(?:'d like| want| need) to (?:cancel|stop|quit))$/,
    /^(?:cancel|stop) (?:it|this|that|here|now|for now|my port|the port|my request|the request|porting|the transfer)$/,
  ],
  startOver: [
    /^(?:(?:let's |i want to |i'd like to |can i )?start (?:over|again|from scratch|from the (?:beginning|start|top))|restart|begin again|reset)$/,
  ],
  agent: [
    /^(?:(?:i (?:want|need|would like|'d like)|can i|could i|let me|may i)(?: to)? )?(?:talk|speak|chat) (?:to|with) (?:an? |the |some |a real |a live |real |live )?(?:agent|human|person|representative|rep|operator|someone|somebody|support|customer (?:service|support|care)|specialist)(?: please| now)?$/,
    /^(?:(?:i (?:want|need|would like|'d like)) )?(?:an? |the |a real |a live |real |live )?(?:agent|human|person|representative|rep|operator|human agent|live agent|customer (?:service|support|care))(?: please)?$/,
  ],
  status: [
    /^(?:(?:check|what(?:'s| is)|show|see|get)(?: (?:the|my))? (?:port |request |transfer )?status(?: of my (?:port|request|transfer))?|(?:port |my )?status|(?:where|how)(?: is|'s) my (?:port|request|transfer|number)|check my port|any (?:news|updates?)|is my (?:port|transfer) (?:done|complete|finished))$/,
  ],
  help: [
    /^(?:\?+|help|help me|i need help|need help|what do i do|what should i (?:do|say|type|enter|put)|i'm (?:stuck|confused|lost)|i don't (?:understand|know|get it)|what does (?:this|that|it) mean|what(?:'s| is) (?:this|that)|huh|explain|more help(?: on this(?: field| question| one)?)?|(?:how|where) (?:do|can) i find (?:this|that|it))$/,
  ],
  form: [
    /^(?:(?:the |a |one )?form|(?:show|give|send) me (?:the|a|one) form|fill in (?:one|a|the) form|(?:use|open) (?:the|a|one) form|i(?:'d| would) (?:rather|prefer|like)(?: to (?:use|fill in))? (?:a|the|one) form|all (?:at once|in one go))$/,
  ],
  stepByStep: [
    /^(?:(?:i'd rather|i would rather|i'd prefer(?: to)?|i prefer(?: to)?|i'd like to|i want to|let's|let me|can we|could we|can i|could i|can you|could you) )?(?:(?:go|do it|do this|answer(?: them)?|ask me|switch(?: back)? to|change to|continue|carry on) )?(?:step[ -]by[ -]step|(?:one|a) (?:question|detail) at a time|one at a time|one by one)(?: instead)?$/,
  ],
  tips: [/^(?:(?:porting |quick |some )?tips?|give me (?:some )?tips|advice|what do i need(?: to know)?|how does (?:it|this|porting) work)$/, /\btips\b/],
  resume: [
    /^(?:continue|carry on|resume|go on|keep going|(?:continue|pick up) where i (?:stopped|left off)|continue my (?:port|request)|finish my (?:port|request))$/,
  ],
  fixNow: [
    /^(?:fix (?:it|this|that|my (?:port|request|port request|details)|the (?:request|details))(?: now)?|fix now|correct (?:it|my (?:port|request|details)))$/,
  ],
  keepWaiting: [/^(?:keep waiting|i'll (?:keep )?wait|i will wait|i can wait|wait|i'll hold|still waiting)$/],
  callback: [
    /^(?:leave my email|(?:i'll |let me )?(?:leave|give you|send you) my email(?: address)?|email me(?: back| instead)?|(?:a |request a )?call ?back(?: by email)?|(?:contact|reach) me (?:by|via) email|have someone email me)$/,
  ],
  keepTrying: [/^(?:keep trying|try again|let me try again|i'll try again|one more try)$/],
  // Before yes and no, which would take them: the answers to "Is that exactly what your carrier gave you?".
  thatsIt: [/^yes,? (?:that's|that is) it$/, /^(?:that's|it's|it is) exactly (?:it|right|what (?:they|it) gave me)$/],
  typeAgain: [
    /^(?:no,? )?(?:let me |i'll |i will |i want to |i'd like to )?(?:type|enter|write|put) it (?:in )?again$/,
    /^(?:no,? )?(?:let me )?re-?type it$/,
  ],
  yes: [/^(?:y|ya|yea|ok|okay|k|correct|right|it is|active|of course|absolutely|definitely|affirmative|i do|that's (?:right|correct|it))$/, /^(?:yes|yeah|yep|yup|sure)\b/, /^(?:it's )?still active$/],
  no: [/^(?:n|nah|not really|incorrect|wrong|that's wrong|negative|i don't|it's not|it isn't|not active)$/, /^(?:no|nope)\b/, /^(?:it's |it was |i )?(?:already )?cancell?ed(?: it)?$/],
  startPort: [
    /^(?:port|start|begin|get started|let's (?:go|start|begin|do it)|start (?:a|my|the) port|start porting|new port)$/,
    /\b(?:port|transfer|switch|move|bring|take)\b.*\b(?:number|numbers|line|lines|phone)\b/,
  ],
};

/** Lower case, straight apostrophes, single spaces, no surrounding punctuation or politeness. */
function normalize(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s.,!:;-]+|[\s.,!:;?]+$/g, '')
    .replace(/^(?:please|pls|hi|hello|hey|ok so|so|um)[, ]+/, '')
    .replace(/[, ]+(?:please|pls|thanks|thank you)$/, '');
}

/** The intent of a message, if it is a command rather than an answer. A lone "?" asks for help. */
export function recognizeIntent(text: string | undefined): Intent | undefined {
  if (text === undefined || text.length > MAX_COMMAND_LENGTH) return undefined;
  if (/^\s*\?+\s*$/.test(text)) return 'help';
  const message = normalize(text);
  if (message === '') return undefined;
  return INTENTS.find((intent) => PATTERNS[intent].some((pattern) => pattern.test(message)));
}

