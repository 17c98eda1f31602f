import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { type GatewayEvent, Intent } from './gateway-event.js';
import { shardOfGuild } from './snowflake.js';
import type { DispatchRecord, IdentifyRecord, ResumeRecord } from './types.js';
import type { Json, World } from './world.js';

/** Gateway opcodes (Discord's documented values). */
const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

/** Gateway close codes (Discord's documented values). */
export const CloseCode = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidShard: 4010,
} as const;

/** One IDENTIFYed session of one shard; it outlives its socket until resumed or invalidated. */
interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  seq: number;
  /** Every dispatch of this session, kept so a RESUME can replay what was missed. */
  sent: Array<{ s: number; t: string; d: unknown }>;
  socket: WebSocket | null;
  /** READY or RESUMED has been sent on the current socket. */
  live: boolean;
}

/** Per-socket state. */
interface Connection {
  socket: WebSocket;
  session: Session | null;
}

/** What the gateway needs from its surroundings. */
export interface GatewayServerOptions {
  world: World;
  token: string;
  applicationId: string;
  applicationFlags: number;
  heartbeatIntervalMs: number;
  /** The URL clients reach the gateway at (for `resume_gateway_url`). */
  gatewayUrl: () => string;
}

/** Fields Discord blanks in message events for sessions without the MessageContent intent. */
const CONTENT_FIELDS: Record<string, unknown> = { content: '', embeds: [], attachments: [], components: [] };

/**
 * The WebSocket gateway: HELLO, IDENTIFY → READY + GUILD_CREATE for the shard's guilds, heartbeats,
 * sequence numbers, RESUME with replay, INVALID_SESSION, and intent-aware routing of dispatches to
 * the shard that owns each guild.
 */
export class GatewayServer {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly dispatches: DispatchRecord[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(private readonly options: GatewayServerOptions) {
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Takes over an HTTP upgrade request aimed at the gateway path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  /** Routes an event to every session of the shard owning its guild (shard 0 for DMs) that has the intent. */
  dispatch(event: GatewayEvent): void {
    for (const session of this.sessions.values()) {
      const owner = event.guildId === null ? 0 : shardOfGuild(event.guildId, session.shardCount);
      if (owner !== session.shardId) continue;
      if (event.intent !== null && (session.intents & event.intent) === 0) continue;
      let d = event.d;
      if (event.gatedContent && (session.intents & Intent.MessageContent) === 0)
        d = { ...d, ...structuredClone(CONTENT_FIELDS), poll: undefined };
      this.send(session, event.t, d);
    }
  }

  /** Whether a shard has a connected session that received READY or RESUMED. */
  isShardLive(shardId: number): boolean {
    return [...this.sessions.values()].some(
      (session) =>
        session.shardId === shardId && session.live && session.socket?.readyState === WebSocket.OPEN,
    );
  }

  /** Closes the sockets of a shard's sessions; with `resumable: false` their sessions are forgotten first. */
  async disconnectShard(shardId: number, resumable: boolean, code: number): Promise<void> {
    const targets = [...this.sessions.values()].filter(
      (session) => session.shardId === shardId && session.socket?.readyState === WebSocket.OPEN,
    );
    if (targets.length === 0)
      throw new Error(`Discord simulator: shard ${shardId} has no open connection to disconnect`);
    await Promise.all(
      targets.map(async (session) => {
        const socket = session.socket as WebSocket;
        if (!resumable) this.sessions.delete(session.id);
        session.live = false;
        const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
        if (code === 1006) socket.terminate();
        else socket.close(code, 'Simulated disconnect');
        await closed;
      }),
    );
  }

  /** Closes every socket (1001 going away) and the WebSocket server. */
  async close(): Promise<void> {
    const closing = [...this.connections].map(
      (connection) =>
        new Promise<void>((resolve) => {
          if (connection.socket.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            connection.socket.terminate();
            resolve();
          }, 500);
          connection.socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          connection.socket.close(1001, 'Simulator stopping');
        }),
    );
    await Promise.all(closing);
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const connection: Connection = { socket, session: null };
    this.connections.add(connection);
    socket.on('message', (data) => this.receive(connection, data));
    socket.on('close', (code) => this.closed(connection, code));
    socket.on('error', () => undefined);
    this.write(socket, {
      op: Op.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["gateway-sim",{}]'] },
      s: null,
      t: null,
    });
  }

  private closed(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (!session || session.socket !== connection.socket) return;
    session.socket = null;
    session.live = false;
    // A client closing normally ends its session, as on Discord; anything else leaves it resumable.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
  }

  private receive(connection: Connection, data: RawData): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      connection.socket.close(CloseCode.DecodeError, 'Error while decoding payload.');
      return;
    }
    const d = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Json;
    switch (payload.op) {
      case Op.Heartbeat:
        this.write(connection.socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.identify(connection, d);
        return;
      case Op.Resume:
        this.resume(connection, d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestSoundboardSounds:
        if (!connection.session) connection.socket.close(CloseCode.NotAuthenticated, 'Not authenticated.');
        return;
      case Op.RequestGuildMembers:
        if (!connection.session) connection.socket.close(CloseCode.NotAuthenticated, 'Not authenticated.');
        else this.sendMemberChunk(connection.session, d);
        return;
      default:
        connection.socket.close(CloseCode.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private identify(connection: Connection, d: Json): void {
    const shard = Array.isArray(d['shard']) ? (d['shard'] as unknown[]) : [0, 1];
    const shardId = Number(shard[0] ?? 0);
    const shardCount = Number(shard[1] ?? 1);
    const tokenValid = d['token'] === this.options.token;
    this.identifies.push({
      shardId,
      shardCount,
      intents: Number(d['intents'] ?? 0),
      tokenValid,
      properties: (d['properties'] as Record<string, unknown> | undefined) ?? {},
      compress: d['compress'] === true,
      largeThreshold: typeof d['large_threshold'] === 'number' ? d['large_threshold'] : undefined,
      presence: d['presence'],
      timestamp: Date.now(),
    });
    this.options.world.signal.notify();
    if (connection.session)
      return connection.socket.close(CloseCode.AlreadyAuthenticated, 'Already authenticated.');
    if (!tokenValid) return connection.socket.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
    if (
      !Number.isInteger(shardId) ||
      !Number.isInteger(shardCount) ||
      shardCount < 1 ||
      shardId < 0 ||
      shardId >= shardCount
    ) {
      return connection.socket.close(CloseCode.InvalidShard, 'Invalid shard.');
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      intents: Number(d['intents'] ?? 0),
      seq: 0,
      sent: [],
      socket: connection.socket,
      live: false,
    };
    this.sessions.set(session.id, session);
    connection.session = session;

    const { world } = this.options;
    const guilds = [...world.guilds.values()].filter(
      (guild) => shardOfGuild(guild.id, shardCount) === shardId,
    );
    this.send(session, 'READY', {
      v: 10,
      user_settings: {},
      user: {
        ...structuredClone(world.botUser),
        bot: true,
        verified: true,
        mfa_enabled: false,
        email: null,
        flags: 0,
      },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.gatewayUrl(),
      shard: [shardId, shardCount],
      application: { id: this.options.applicationId, flags: this.options.applicationFlags },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['local'],
      session_type: 'normal',
      auth: {},
      _trace: ['["gateway-sim",{}]'],
    });
    session.live = true;
    const withMembers = (session.intents & Intent.GuildMembers) !== 0;
    for (const guild of guilds)
      this.send(session, 'GUILD_CREATE', world.guildCreateObject(guild, withMembers));
    world.signal.notify();
  }

  private resume(connection: Connection, d: Json): void {
    const sessionId = String(d['session_id'] ?? '');
    const seq = typeof d['seq'] === 'number' ? d['seq'] : null;
    if (d['token'] !== this.options.token)
      return connection.socket.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
    const session = this.sessions.get(sessionId);
    const record: ResumeRecord = {
      shardId: session?.shardId ?? -1,
      sessionId,
      seq,
      resumed: false,
      replayed: 0,
      timestamp: Date.now(),
    };
    this.resumes.push(record);
    if (!session) {
      this.write(connection.socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      this.options.world.signal.notify();
      return;
    }
    if (session.socket && session.socket !== connection.socket) session.socket.terminate();
    session.socket = connection.socket;
    connection.session = session;
    const missed = session.sent.filter((event) => seq === null || event.s > seq);
    for (const event of missed)
      this.write(connection.socket, { op: Op.Dispatch, t: event.t, s: event.s, d: event.d });
    record.resumed = true;
    record.replayed = missed.length;
    this.send(session, 'RESUMED', { _trace: ['["gateway-sim",{}]'] });
    session.live = true;
    this.options.world.signal.notify();
  }

  private sendMemberChunk(session: Session, d: Json): void {
    const guildId = String(d['guild_id'] ?? '');
    const guild = this.options.world.guilds.get(guildId);
    if (!guild) return;
    const wanted = Array.isArray(d['user_ids'])
      ? (d['user_ids'] as string[])
      : typeof d['user_ids'] === 'string'
        ? [d['user_ids']]
        : null;
    const query = typeof d['query'] === 'string' ? d['query'].toLowerCase() : '';
    const limit = Number(d['limit'] ?? 0) || Infinity;
    const members = [...guild.members.values()]
      .filter((member) =>
        wanted
          ? wanted.includes(member.userId)
          : this.options.world.requireUser(member.userId).username.toLowerCase().startsWith(query),
      )
      .slice(0, limit);
    this.send(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guildId,
      members: members.map((member) => this.options.world.memberObject(guild, member)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: wanted ? wanted.filter((id) => !guild.members.has(id)) : [],
      ...(d['nonce'] !== undefined ? { nonce: d['nonce'] } : {}),
    });
  }

  /** Sequences a dispatch for a session; sends it now if connected, else keeps it for a RESUME. */
  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const s = session.seq;
    session.sent.push({ s, t, d });
    const delivered = session.socket?.readyState === WebSocket.OPEN;
    if (delivered) this.write(session.socket as WebSocket, { op: Op.Dispatch, t, s, d });
    this.dispatches.push({
      shardId: session.shardId,
      sessionId: session.id,
      t,
      s,
      d,
      delivered,
      timestamp: Date.now(),
    });
  }

  private write(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }
}
