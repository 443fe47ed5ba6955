/**
 * A deadline on every call the bot makes to a channel's Bot Connector (sending, updating and deleting messages,
 * opening a conversation): the HTTP request, its retries and the bot's own token fetched for it, together. A service
 * that takes the connection and never answers (a channel in trouble, or a `serviceUrl` named by a hostile request)
 * would otherwise hold the call, and with it the turn and its conversation's lock, for as long as it keeps the
 * connection open.
 */
import type { ConnectorClient } from 'botframework-connector';

/** A Bot Connector call gave up at its deadline: its request was aborted; whether the channel took it is unknown. */
export class ConnectorTimeoutError extends Error {
  override readonly name = 'ConnectorTimeoutError';

  constructor(
    readonly serviceUrl: string,
    readonly timeoutMs: number,
  ) {
    super(
      `The Bot Connector at ${serviceUrl} did not answer within ${timeoutMs} ms, so the call was abandoned. If the channel ` +
        'is slow rather than down, raise CONNECTOR_TIMEOUT_MS.',
    );
  }
}

/** `client` (made for `serviceUrl`), with each of its calls abandoned after `timeoutMs` and its request aborted. */
export function withCallDeadline(client: ConnectorClient, serviceUrl: string, timeoutMs: number): ConnectorClient {
  // Every operation of the client (conversations, attachments) goes through this one method of the client's own.
  const send = client.sendOperationRequest.bind(client);
  client.sendOperationRequest = async (operationArguments, operationSpec, callback) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const given = operationArguments.options?.abortSignal as AbortSignal | undefined;
    const abortSignal = given ? AbortSignal.any([given, deadline]) : deadline;
    const call = send({ ...operationArguments, options: { ...operationArguments.options, abortSignal } }, operationSpec, callback);
    // The signal stops the request and its retries; the race also ends a wait the signal does not reach (the bot's
    // token, which the credentials fetch before the request is made).
    const expired = new Promise<never>((_resolve, reject) => {
      deadline.addEventListener('abort', () => reject(deadline.reason), { once: true });
    });
    try {
      return await Promise.race([call, expired]);
    } catch (error) {
      throw deadline.aborted ? new ConnectorTimeoutError(serviceUrl, timeoutMs) : error;
    }
  };
  return client;
}
