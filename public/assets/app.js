/* global document, navigator, window, location, history, URL */
/**
 * Starts Web Chat on the "Bring your number" page. The visitor id is kept in localStorage, so a customer who comes
 * back is the same customer to the bot and can pick up their port where they left it.
 */
import { showStatus, startWebChat, storedId } from './webChatClient.js';

const VISITOR_ID_KEY = 'porting-assistant.visitor-id';
/** The query parameter of a signing link (an assisted port: src/hosting/signingLinks.ts). */
const SIGNING_LINK_PARAMETER = 'sign';
const WIDE_SCREEN = '(min-width: 861px)';

const text = {
  connecting: 'Connecting you to the Porting Assistant…',
  failed: 'We couldn’t start the chat. Please check your connection and reload the page.',
  placeholder: 'Type your answer',
};

/**
 * The signing link's token, when the page was opened from one, taken out of the address bar at once: the link works
 * once, and a bookmark or a shared screenshot should not carry it.
 */
function takeSigningLink() {
  const url = new URL(location.href);
  const token = url.searchParams.get(SIGNING_LINK_PARAMETER);
  if (token === null) return undefined;
  url.searchParams.delete(SIGNING_LINK_PARAMETER);
  history.replaceState(null, '', url.pathname + url.search + url.hash);
  return token;
}

/**
 * Web Chat's store, plus two things the page adds: it tells the bot the visitor has joined once the connection is
 * up (the bot greets on that event; opened from a signing link, the event carries its token), and it removes a
 * message the bot deleted (the bridge sends a `messageDelete` with the deleted message's id).
 */
function createStore(WebChat, link) {
  let signingLink = link;
  return WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      showStatus('');
      const value = signingLink === undefined ? { language: navigator.language } : { language: navigator.language, signingLink };
      // Once: a reconnection is the same visitor, whose session holds the prepared port already.
      signingLink = undefined;
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value } });
    }
    if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity.type === 'messageDelete') {
      return next({ type: 'DIRECT_LINE/DELETE_ACTIVITY', payload: { activityID: action.payload.activity.id } });
    }
    return next(action);
  });
}

// The tips start open where there is room for them beside the chat, and folded on a phone.
document.getElementById('tips').open = window.matchMedia(WIDE_SCREEN).matches;
showStatus(text.connecting);
const signingLink = takeSigningLink();
startWebChat({
  element: document.getElementById('webchat'),
  visitorId: storedId(VISITOR_ID_KEY),
  createStore: (WebChat) => createStore(WebChat, signingLink),
  placeholder: text.placeholder,
}).catch((error) => {
  console.error('Porting Assistant: the chat could not start.', error);
  showStatus(text.failed, true);
});
