/* global document, localStorage, navigator, window, location, history, URL */
/**
 * Starts Web Chat on the "Bring your number" page. The visitor id is kept in localStorage, so a customer who comes
 * back is the same customer to the bot and can pick up their port where they left it. So is the language: the one
 * chosen with the language button, or else the browser's (Spanish for es-*, English otherwise). The button switches
 * the page, Web Chat's locale, and the bot, which it tells as a customer would, by writing the language's name.
 */
import { pageText, webChatLocale } from './pageText.js';
import { showStatus, startWebChat, storedId } from './webChatClient.js';

const VISITOR_ID_KEY = 'porting-assistant.visitor-id';
/** The query parameter of a signing link (an assisted port: src/hosting/signingLinks.ts). */
const SIGNING_LINK_PARAMETER = 'sign';
const LANGUAGE_KEY = 'porting-assistant.language';
const WIDE_SCREEN = '(min-width: 861px)';

function storedLanguage() {
  try {
    const chosen = localStorage.getItem(LANGUAGE_KEY);
    if (chosen in pageText) return chosen;
  } catch {
    // Storage blocked: the browser's language, each visit.
  }
  return /^es\b/i.test(navigator.language ?? '') ? 'es' : 'en';
}

function rememberLanguage(language) {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage blocked: the choice lasts this visit (the bot remembers it too).
  }
}

const carrier = document.body.dataset.newCarrier ?? '';
const withCarrier = (words) => words.replaceAll('{carrier}', carrier);

/** `words` into `element`, its **bold** parts in <strong>: built from text nodes, so nothing in them is read as markup. */
function write(element, words) {
  element.replaceChildren(
    ...withCarrier(words)
      .split('**')
      .map((part, index) => {
        if (index % 2 === 0) return document.createTextNode(part);
        const strong = document.createElement('strong');
        strong.textContent = part;
        return strong;
      }),
  );
}

let language = storedLanguage();
const otherLanguage = () => (language === 'es' ? 'en' : 'es');

function showPageIn(chosen) {
  const words = pageText[chosen];
  document.documentElement.lang = chosen;
  document.title = withCarrier(words.title);
  document.querySelector('meta[name="description"]').content = withCarrier(words.description);
  for (const element of document.querySelectorAll('[data-text]')) write(element, words[element.dataset.text]);
  for (const element of document.querySelectorAll('[data-label]')) element.setAttribute('aria-label', words[element.dataset.label]);
  const button = document.getElementById('language-switch');
  const other = chosen === 'es' ? 'en' : 'es';
  button.textContent = pageText[other].switchTo;
  button.lang = other;
}

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
showPageIn(language);
showStatus(pageText[language].connecting);
const signingLink = takeSigningLink();
startWebChat({
  element: document.getElementById('webchat'),
  visitorId: storedId(VISITOR_ID_KEY),
  createStore: (WebChat) => createStore(WebChat, signingLink),
  placeholder: pageText[language].placeholder,
  locale: webChatLocale[language],
  // A copy of the customer's latest bill.
  allowUpload: true,
})
  .then(({ store, render }) => {
    const button = document.getElementById('language-switch');
    button.hidden = false;
    button.addEventListener('click', () => {
      language = otherLanguage();
      rememberLanguage(language);
      showPageIn(language);
      render(webChatLocale[language], pageText[language].placeholder);
      // The bot switches as when the customer writes the language's name, and remembers it with their port.
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: pageText[language].switchTo } });
    });
  })
  .catch((error) => {
    console.error('Porting Assistant: the chat could not start.', error);
    showStatus(pageText[language].failed, true);
  });
