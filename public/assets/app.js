/* global window, document, localStorage, crypto, fetch, navigator, location, URL */
/**
 * Starts Web Chat on the "Bring your number" page: asks the server where Direct Line is and for a token for this
 * browser's visitor id, then renders the chat. The visitor id is kept in localStorage, so a customer who comes
 * back is the same customer to the bot and can pick up their port where they left it.
 */

const VISITOR_ID_KEY = 'porting-assistant.visitor-id';
const BRAND = '#0a4fa3';
const WIDE_SCREEN = '(min-width: 861px)';

const text = {
  connecting: 'Connecting you to the Porting Assistant…',
  failed: 'We couldn’t start the chat. Please check your connection and reload the page.',
  placeholder: 'Type your answer',
};

function randomId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** This browser's visitor id; a fresh one each visit when storage is blocked. */
function visitorId() {
  try {
    let id = localStorage.getItem(VISITOR_ID_KEY);
    if (!id || !/^[A-Za-z0-9-]{16,64}$/.test(id)) {
      id = randomId();
      localStorage.setItem(VISITOR_ID_KEY, id);
    }
    return id;
  } catch {
    return randomId();
  }
}

async function requestJson(path, init) {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

function showStatus(message, isError = false) {
  const status = document.getElementById('chat-status');
  status.textContent = message;
  status.classList.toggle('chat__status--error', isError);
}

/**
 * Web Chat's store, plus two things the page adds: it tells the bot the visitor has joined once the connection is
 * up (the bot greets on that event), and it removes a message the bot deleted (the bridge sends a `messageDelete`
 * with the deleted message's id).
 */
function createStore(WebChat) {
  return WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      showStatus('');
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
    }
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity.type === 'messageDelete') {
      return next({ type: 'DIRECT_LINE/DELETE_ACTIVITY', payload: { activityID: action.payload.activity.id } });
    }
    return next(action);
  });
}

const styleOptions = {
  accent: BRAND,
  primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  backgroundColor: '#ffffff',
  bubbleBackground: '#eef2f7',
  bubbleBorderWidth: 0,
  bubbleBorderRadius: 12,
  bubbleFromUserBackground: BRAND,
  bubbleFromUserTextColor: '#ffffff',
  bubbleFromUserBorderWidth: 0,
  bubbleFromUserBorderRadius: 12,
  botAvatarInitials: 'PA',
  botAvatarBackgroundColor: BRAND,
  hideUploadButton: true,
  sendBoxButtonColor: BRAND,
  suggestedActionLayout: 'flow',
  suggestedActionBorderColor: BRAND,
  suggestedActionTextColor: BRAND,
  suggestedActionBorderRadius: 18,
  suggestedActionHeight: 36,
};

async function start() {
  const WebChat = window.WebChat;
  const [settings, { token }] = await Promise.all([
    requestJson('/api/webchat/config'),
    requestJson('/api/directline/token', { method: 'POST', body: JSON.stringify({ visitorId: visitorId() }) }),
  ]);
  const directLine = WebChat.createDirectLine({
    token,
    domain: new URL(settings.directLineDomain, location.href).href,
    webSocket: settings.webSocket,
  });
  WebChat.renderWebChat(
    {
      directLine,
      store: createStore(WebChat),
      styleOptions,
      locale: 'en-US',
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: text.placeholder },
    },
    document.getElementById('webchat'),
  );
}

// The tips start open where there is room for them beside the chat, and folded on a phone.
document.getElementById('tips').open = window.matchMedia(WIDE_SCREEN).matches;
showStatus(text.connecting);
start().catch((error) => {
  console.error('Porting Assistant: the chat could not start.', error);
  showStatus(text.failed, true);
});
