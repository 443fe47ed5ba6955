/* global window, document, localStorage, crypto, fetch, location, URL */
/**
 * What the customer page and the agents' console share: a stable id for this browser, the server's JSON API, and
 * starting Web Chat on the Direct Line the server names, with a token for that id.
 */

export const BRAND = '#0a4fa3';

function randomId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The id kept in localStorage under `key`; a fresh one each visit when storage is blocked. */
export function storedId(key) {
  try {
    let id = localStorage.getItem(key);
    if (!id || !/^[A-Za-z0-9-]{16,64}$/.test(id)) {
      id = randomId();
      localStorage.setItem(key, id);
    }
    return id;
  } catch {
    return randomId();
  }
}

/** The page's status line above the chat (both pages have one, `#chat-status`). */
export function showStatus(message, isError = false) {
  const status = document.getElementById('chat-status');
  status.textContent = message;
  status.classList.toggle('chat__status--error', isError);
}

export async function requestJson(path, init) {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

export const styleOptions = {
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
  // The customer's page shows the paper clip (see startWebChat's allowUpload) for their latest bill: one PDF or photo
  // at a time (the bot checks the file itself).
  hideUploadButton: true,
  uploadAccept: 'application/pdf,image/jpeg,image/png,image/heic,.heic',
  uploadMultiple: false,
  sendBoxButtonColor: BRAND,
  suggestedActionLayout: 'flow',
  suggestedActionBorderColor: BRAND,
  suggestedActionTextColor: BRAND,
  suggestedActionBorderRadius: 18,
  suggestedActionHeight: 36,
};

/**
 * Renders Web Chat into `element` for the visitor `visitorId`, with the store `createStore(WebChat)` makes;
 * `username` is the name the bot sees on this side's messages; `allowUpload` shows the paper clip. Resolves a function
 * that renders it again in another locale (and send-box placeholder), keeping the conversation and its transcript.
 */
export async function startWebChat({ element, visitorId, createStore, username, placeholder, locale = 'en-US', allowUpload = false }) {
  const WebChat = window.WebChat;
  const [settings, { token }] = await Promise.all([
    requestJson('/api/webchat/config'),
    requestJson('/api/directline/token', { method: 'POST', body: JSON.stringify({ visitorId, locale }) }),
  ]);
  // Web Chat streams over a WebSocket (the Direct Line service and the local bridge both offer one), so that a reply
  // shows as soon as the bot sends it.
  const directLine = WebChat.createDirectLine({ token, domain: new URL(settings.directLineDomain, location.href).href });
  const store = createStore(WebChat);
  const render = (renderLocale, renderPlaceholder) =>
    WebChat.renderWebChat(
      {
        directLine,
        store,
        styleOptions: { ...styleOptions, hideUploadButton: !allowUpload },
        username,
        // Web Chat's own words, and the locale of every activity it sends: the bot speaks the customer's language.
        locale: renderLocale,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: renderPlaceholder },
      },
      element,
    );
  render(locale, placeholder);
  return { store, render };
}
