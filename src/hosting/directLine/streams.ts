import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import { conversationForToken, DIRECT_LINE_PATH, isDenial, type BridgeContext } from './bridgeContext';
import type { Conversation } from './conversationRegistry';
import { parseWatermark } from './requests';

/**
 * Direct Line's streaming: starting or resuming a conversation answers with a `streamUrl`, where the client opens a
 * WebSocket; the bridge sends it each change to the conversation as it happens, as an activity set with its watermark,
 * from the watermark in the URL on. So Web Chat shows a reply as soon as the bot sends it, not at its next poll.
 * The token rides in the URL (`t`), as the Direct Line service's does: a browser cannot set headers on a WebSocket.
 */

/** Conversation ids are base64url (see ConversationRegistry). */
const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([\\w-]+)/stream$`);
/** Web Chat sends only empty messages, to notice a dead connection sooner. */
const MAX_CLIENT_MESSAGE_BYTES = 1024;
/** Pings find connections that died without a word (a laptop put to sleep); each also keeps its conversation in use. */
const HEARTBEAT_MS = 30_000;
/** A reload or a reconnect opens a new stream before the old one is found dead: beyond this, the oldest goes. */
const MAX_STREAMS_PER_CONVERSATION = 2;

export interface Streams {
  /** Ends every stream: a server's close waits for its upgraded connections, which Node does not close for it. */
  close(): void;
}

interface Stream {
  readonly conversationId: string;
  /** Whether the client answered the last ping. */
  alive: boolean;
}

/** Where the client holding `token` streams `conversationId` from `watermark`, on the host it reached this server at. */
export function streamUrl(req: Request, conversationId: string, token: string, watermark: number): string {
  const query = new URLSearchParams({ watermark: String(watermark), t: token });
  return `${req.isSecure() ? 'wss' : 'ws'}://${req.headers.host}${DIRECT_LINE_PATH}/conversations/${conversationId}/stream?${query}`;
}

/** Answers an upgrade that will not become a stream, and hangs up. */
function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Sends `socket` what its conversation's log holds past the client's watermark, then each change as it comes. */
function follow(socket: WebSocket, conversation: Conversation, watermark: number): () => void {
  let seen = watermark;
  const sendNew = () => {
    const page = conversation.log.since(seen);
    if (page.activities.length === 0) return;
    seen = Number(page.watermark);
    socket.send(JSON.stringify(page));
  };
  sendNew();
  return conversation.log.watch(sendNew);
}

export function registerStreams(server: Server, bridge: BridgeContext): Streams {
  const upgrades = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  // In the order they opened, which is the order the oldest of a conversation's streams goes in.
  const streams = new Map<WebSocket, Stream>();

  const open = (socket: WebSocket, conversation: Conversation, watermark: number) => {
    const own = [...streams].filter(([, stream]) => stream.conversationId === conversation.id);
    for (const [older] of own.slice(0, own.length - MAX_STREAMS_PER_CONVERSATION + 1)) older.terminate();
    const stream: Stream = { conversationId: conversation.id, alive: true };
    streams.set(socket, stream);
    const unwatch = follow(socket, conversation, watermark);
    socket.on('pong', () => (stream.alive = true));
    // A client's protocol error (an oversized message, say) closes its socket; without a listener it would be thrown.
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      unwatch();
      streams.delete(socket);
    });
  };

  // Node hands the socket over as it is: what goes wrong on it from here on is this listener's to handle.
  server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = URL.parse(req.url ?? '', 'http://bridge');
    const conversationId = url ? STREAM_PATH.exec(url.pathname)?.[1] : undefined;
    if (!url || conversationId === undefined) return refuse(socket, 404);
    const watermark = parseWatermark(url.searchParams.get('watermark'));
    if (watermark === undefined) return refuse(socket, 400);
    const conversation = conversationForToken(bridge, url.searchParams.get('t') ?? undefined, conversationId);
    if (isDenial(conversation)) return refuse(socket, conversation.status);
    upgrades.handleUpgrade(req, socket, head, (upgraded) => open(upgraded, conversation, watermark));
  });

  const heartbeat = setInterval(() => {
    for (const [socket, stream] of streams) {
      if (!stream.alive || !bridge.conversations.use(stream.conversationId)) {
        socket.terminate();
        continue;
      }
      stream.alive = false;
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    close() {
      clearInterval(heartbeat);
      for (const socket of streams.keys()) socket.terminate();
    },
  };
}
