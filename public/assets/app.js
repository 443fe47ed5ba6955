/* global document, navigator, window */
/**
 * Starts Web Chat on the "Bring your number" page. The visitor id is kept in localStorage, so a customer who comes
 * back is the same customer to the bot and can pick up their port where they left it.
 */
import { showStatus, startWebChat, storedId } from './webChatClient.js';

const VISITOR_ID_KEY = 'porting-assistant.visitor-id';
const WIDE_SCREEN = '(min-width: 861px)';

const text = {
  connecting: 'Connecting you to the Porting Assistant…',
  failed: 'We couldn’t start the chat. Please check your connection and reload the page.',
  placeholder: 'Type your answer',
};

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

// The tips start open where there is room for them beside the chat, and folded on a phone.
document.getElementById('tips').open = window.matchMedia(WIDE_SCREEN).matches;
showStatus(text.connecting);
startWebChat({
  element: document.getElementById('webchat'),
  visitorId: storedId(VISITOR_ID_KEY),
  createStore,
  placeholder: text.placeholder,
  // A copy of the customer's latest bill.
  allowUpload: true,
}).catch((error) => {
  console.error('Porting Assistant: the chat could not start.', error);
  showStatus(text.failed, true);
});
