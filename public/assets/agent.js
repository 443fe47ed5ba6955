/* global document, sessionStorage, FormData */
/**
 * The agents' console: a Web Chat conversation that joins the agents' hub with the agent token (the `agent/join`
 * event), on the same code path as the agents' channel in Teams. Until the bot confirms the join, what it says is
 * the customer's greeting and is not shown.
 */
import { showStatus, startWebChat, storedId } from './webChatClient.js';

const AGENT_ID_KEY = 'porting-assistant.agent-id';
const SESSION_KEY = 'porting-assistant.agent-session';

const text = {
  connecting: 'Joining the agents’ console…',
  joined: '',
  refused: 'That agent token isn’t right. Check it and join again.',
  failed: 'The console could not start. Please check your connection and reload the page.',
  placeholder: 'Type queue, a reply to the customer, or end',
};

/** The bot marks its answer to the join: `channelData.agentConsole` is 'joined' or 'refused'. */
const joinAnswerOf = (activity) => activity.channelData?.agentConsole;

function createStore(token) {
  let joined = false;
  return (WebChat) =>
    WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'agent/join', value: { token } } });
      }
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity.from?.role === 'bot') {
        const answer = joinAnswerOf(action.payload.activity);
        if (answer === 'joined') {
          joined = true;
          showStatus(text.joined);
        } else if (answer === 'refused') {
          sessionStorage.removeItem(SESSION_KEY);
          showStatus(text.refused, true);
          return undefined;
        }
        if (!joined) return undefined;
      }
      return next(action);
    });
}

async function join(name, token) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ name, token }));
  document.getElementById('join-form').hidden = true;
  showStatus(text.connecting);
  await startWebChat({
    element: document.getElementById('webchat'),
    visitorId: storedId(AGENT_ID_KEY),
    createStore: createStore(token),
    username: name,
    placeholder: text.placeholder,
  });
}

function remembered() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

const form = document.getElementById('join-form');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  join(String(data.get('name')).trim(), String(data.get('token')).trim()).catch((error) => {
    console.error('Porting Assistant: the console could not start.', error);
    showStatus(text.failed, true);
  });
});
const session = remembered();
if (session?.name && session?.token) {
  join(session.name, session.token).catch((error) => {
    console.error('Porting Assistant: the console could not start.', error);
    showStatus(text.failed, true);
  });
}
