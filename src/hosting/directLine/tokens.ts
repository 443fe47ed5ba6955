import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';

export interface TokenClaims {
  readonly conversationId: string;
  readonly userId: string;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresIn: number;
}

const ISSUER = 'porting-assistant/direct-line-bridge';

// `user` is the claim Web Chat reads the visitor's user id from, as it does from the Direct Line service's tokens.
const claimsSchema = z.object({ user: z.string(), conv: z.string() });

/**
 * The bridge's Direct Line tokens: JWTs signed with a key made at start-up, naming the conversation and the visitor
 * they are for. A restart makes every token invalid, as it also forgets every conversation.
 */
export class BridgeTokens {
  private readonly key = randomBytes(32);

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly clock: () => number,
  ) {}

  issue(claims: TokenClaims): IssuedToken {
    const iat = Math.floor(this.clock() / 1000);
    const token = jwt.sign({ user: claims.userId, conv: claims.conversationId, iat, exp: iat + this.lifetimeSeconds }, this.key, {
      algorithm: 'HS256',
      issuer: ISSUER,
    });
    return { token, expiresIn: this.lifetimeSeconds };
  }

  /** The claims of a token this bridge issued and that has not expired; undefined otherwise. */
  verify(token: string): TokenClaims | undefined {
    try {
      const payload = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        clockTimestamp: Math.floor(this.clock() / 1000),
      });
      const claims = claimsSchema.parse(payload);
      return { conversationId: claims.conv, userId: claims.user };
    } catch {
      return undefined;
    }
  }
}
