import { recognizeIntent, type Intent } from '../../dialogs/intents';
import { inLanguage } from '../../src/i18n/language';
import { buttonLabels, type ButtonName } from '../../dialogs/text/buttonLabels';

describe('recognizeIntent', () => {
  it.each(Object.entries(buttonLabels) as [ButtonName, string][])('takes the %s button for its own intent', (name, label) => {
    expect(recognizeIntent(label)).toBe(name);
  });

  it.each<[string, Intent]>([
    ['I want to switch my number to you', 'startPort'],
    ['transfer my number', 'startPort'],
    ['port', 'startPort'],
    ['Can I bring my phone number over?', 'startPort'],
    ['tips', 'tips'],
    ['Any tips?', 'tips'],
    ['status', 'status'],
    ["Where's my port?", 'status'],
    ['check my port status', 'status'],
    ['human', 'agent'],
    ['agent', 'agent'],
    ['representative', 'agent'],
    ['person', 'agent'],
    ['I want to talk to a real person please', 'agent'],
    ['help', 'help'],
    ['?', 'help'],
    ["I don't understand", 'help'],
    ['cancel', 'cancel'],
    ['Stop here', 'cancel'],
    ['cancel and delete my details', 'cancelAndDelete'],
    ['delete my data', 'cancelAndDelete'],
    ['start over', 'startOver'],
    ['Restart', 'startOver'],
    ['show me the form', 'form'],
    ['form', 'form'],
    ['yes', 'yes'],
    ['Yes, it is still active', 'yes'],
    ['no', 'no'],
    ['No, I already cancelled it', 'no'],
    ['already cancelled', 'no'],
    ['continue', 'resume'],
    ['try again', 'keepTrying'],
    ['step by step', 'stepByStep'],
    ['Switch to step by step', 'stepByStep'],
    ["I'd rather go step-by-step, please", 'stepByStep'],
    ['one question at a time', 'stepByStep'],
    ['Can you ask me one question at a time?', 'stepByStep'],
    ['one by one', 'stepByStep'],
  ])('reads %p as %s', (text, intent) => {
    expect(recognizeIntent(text)).toBe(intent);
  });

  it.each([
    'Maria Lopez',
    '123 Main St, Apt 4, Springfield, IL 62704',
    '415-555-0123',
    'T-Mobile',
    'maria@example.com',
    'Acme Support Services LLC',
    'Step By Step Plumbing LLC',
    "I don't want to go step by step",
    '918273',
    '',
  ])('takes the answer %p for an answer, not a request', (text) => {
    expect(recognizeIntent(text)).toBeUndefined();
  });

  it('ignores long messages, which are answers or pasted records', () => {
    expect(recognizeIntent(`help ${'x'.repeat(200)}`)).toBeUndefined();
  });
});

describe('recognizeIntent in Spanish', () => {
  it.each(Object.entries(inLanguage('es', () => ({ ...buttonLabels }))) as [ButtonName, string][])(
    'takes the Spanish %s button (%p) for its own intent',
    (name, label) => {
      expect(recognizeIntent(label)).toBe(name);
    },
  );

  it.each<[string, Intent]>([
    ['sí', 'yes'],
    ['Si', 'yes'],
    ['claro', 'yes'],
    ['Sí, sigue activo', 'yes'],
    ['no', 'no'],
    ['No, ya lo cancelé', 'no'],
    ['ya lo cancelé', 'no'],
    ['ayuda', 'help'],
    ['¿Ayuda?', 'help'],
    ['no entiendo', 'help'],
    ['no sé', 'help'],
    ['cancelar', 'cancel'],
    ['empezar de nuevo', 'startOver'],
    ['Volver a empezar', 'startOver'],
    ['empezar', 'startPort'],
    ['quiero transferir mi número', 'startPort'],
    ['Quiero traer mi línea', 'startPort'],
    ['estado', 'status'],
    ['¿Cómo va mi portabilidad?', 'status'],
    ['agente', 'agent'],
    ['hablar con una persona', 'agent'],
    ['Quiero hablar con un agente, por favor', 'agent'],
    ['borrar mis datos', 'cancelAndDelete'],
    ['Cancelar y borrar toda mi información', 'cancelAndDelete'],
    ['consejos', 'tips'],
    ['paso a paso', 'stepByStep'],
    ['continuar', 'resume'],
    ['seguir esperando', 'keepWaiting'],
    ['español', 'spanish'],
    ['Espanol', 'spanish'],
    ['en español, por favor', 'spanish'],
    ['spanish', 'spanish'],
    ['inglés', 'english'],
    ['English', 'english'],
    ['in English please', 'english'],
  ])('reads %p as %s', (text, intent) => {
    expect(recognizeIntent(text)).toBe(intent);
  });

  it.each(['María José Núñez', 'Apto 4, Calle Mayor 12', 'Sin PIN', 'Estados Unidos', 'Nosotros'])(
    'takes the answer %p for an answer, not a request',
    (text) => {
      expect(recognizeIntent(text)).toBeUndefined();
    },
  );
});
