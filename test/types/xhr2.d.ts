/** xhr2 ships no types: it is the browser's XMLHttpRequest, written over Node's http, for code that expects one. */
declare module 'xhr2' {
  const XMLHttpRequest: new () => unknown;
  export default XMLHttpRequest;
}
