/**
 * The emulator's state: registered clients, device authorizations and tokens. One store per
 * emulator instance; times are epoch milliseconds from the injected clock.
 */
import { normalizeUserCode } from './ids.js';

/** A registered public client. */
export interface ClientRecord {
  clientId: string;
  clientSecret: string;
  clientName: string;
  clientType: string;
  scopes: string[];
  grantTypes: string[];
  redirectUris: string[];
  /** Epoch seconds. */
  issuedAt: number;
  /** Epoch seconds; the registration is invalid from then on. */
  secretExpiresAt: number;
}

/** The decision state of a device authorization. */
export type AuthorizationState = 'pending' | 'approved' | 'denied' | 'redeemed';

/** One StartDeviceAuthorization and its progress. */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  createdAt: number;
  expiresAt: number;
  state: AuthorizationState;
  /** When CreateToken last polled this device code (for SlowDownException). */
  lastPollAt?: number;
  /** With auto-approve: the time from which a pending authorization counts as approved. */
  autoApproveAt?: number;
  /** Guards the verification page's Allow/Deny form against cross-site posts. */
  formToken: string;
}

/** An issued access token. */
export interface AccessTokenRecord {
  accessToken: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

/** An issued refresh token; `used` once it has been exchanged (they rotate). */
export interface RefreshTokenRecord {
  refreshToken: string;
  clientId: string;
  scopes: string[];
  used: boolean;
}

/** A pending GET /authorize (authorization code grant): shown for consent, decided once. */
export interface AuthorizeRequest {
  /** Unguessable: names the request in the consent form (so a cross-site page cannot decide it). */
  requestToken: string;
  clientId: string;
  /** The redirect URI exactly as given (port included). */
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
  decided: boolean;
}

/** An issued authorization code (RFC 6749 §4.1.2), redeemable once with the PKCE verifier. */
export interface AuthorizationCodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

/** What a device authorization looks like at a given time: expiry and auto-approval applied. */
export type EffectiveState = AuthorizationState | 'expired';

/** Result of approving or denying by user code. */
export type DecisionResult = 'ok' | 'unknown' | 'expired' | 'decided';

/** All state of one emulator. Maps are public so tests can look inside. */
export class EmulatorStore {
  readonly clients = new Map<string, ClientRecord>();
  /** By device code. */
  readonly authorizations = new Map<string, DeviceAuthorization>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  /** Pending /authorize requests by request token. */
  readonly authorizeRequests = new Map<string, AuthorizeRequest>();
  /** Authorization codes by code. */
  readonly authorizationCodes = new Map<string, AuthorizationCodeRecord>();
  private readonly byUserCode = new Map<string, string>();

  addAuthorization(auth: DeviceAuthorization): void {
    this.authorizations.set(auth.deviceCode, auth);
    this.byUserCode.set(auth.userCode, auth.deviceCode);
  }

  /** True when a live authorization already holds this user code (ids must not collide). */
  userCodeInUse(userCode: string, now: number): boolean {
    const auth = this.findByUserCode(userCode);
    return auth !== undefined && this.stateOf(auth, now) !== 'expired';
  }

  /** Looks up by user code as typed (any case, with or without the dash). */
  findByUserCode(userCode: string): DeviceAuthorization | undefined {
    const deviceCode = this.byUserCode.get(normalizeUserCode(userCode));
    return deviceCode === undefined ? undefined : this.authorizations.get(deviceCode);
  }

  /** The state at `now`: a pending one past its auto-approve time is approved; any unredeemed one past expiry is expired. */
  stateOf(auth: DeviceAuthorization, now: number): EffectiveState {
    if (auth.state === 'redeemed') return 'redeemed';
    if (now >= auth.expiresAt) return 'expired';
    if (auth.state === 'pending' && auth.autoApproveAt !== undefined && now >= auth.autoApproveAt) return 'approved';
    return auth.state;
  }

  /** Approves or denies a pending authorization. */
  decide(userCode: string, decision: 'approved' | 'denied', now: number): DecisionResult {
    const auth = this.findByUserCode(userCode);
    if (auth === undefined) return 'unknown';
    const state = this.stateOf(auth, now);
    if (state === 'expired') return 'expired';
    if (state !== 'pending') return state === decision ? 'ok' : 'decided';
    auth.state = decision;
    return 'ok';
  }
}
