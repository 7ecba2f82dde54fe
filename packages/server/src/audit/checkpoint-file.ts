import { z } from '@hono/zod-openapi';
import { keyIdOf, verifyCheckpointSignature } from './checkpoint-key.js';

export const CHECKPOINT_FILE_FORMAT = 'qianxing-audit-checkpoints/1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** The published checkpoint list, as the API sends it and as people keep it in a file. */
export const AuditCheckpointFile = z
  .object({
    format: z.literal(CHECKPOINT_FILE_FORMAT),
    keys: z.array(z.object({ keyId: z.string(), publicKey: z.string() }).openapi('AuditCheckpointKey')),
    checkpoints: z.array(
      z
        .object({
          day: z.iso.date(),
          seq: z.number().int().min(1),
          hash: hex64,
          at: z.iso.datetime(),
          keyId: z.string(),
          signature: z.string(),
        })
        .openapi('AuditCheckpoint'),
    ),
  })
  .openapi('AuditCheckpoints');

/** The published list: every checkpoint, oldest first, and the public keys that signed them. */
export type CheckpointFile = z.infer<typeof AuditCheckpointFile>;
export type Checkpoint = CheckpointFile['checkpoints'][number];

/**
 * The bytes a checkpoint's signature covers: a version line, then day, seq, head hash and time,
 * one a line. Plain lines, so anyone can check a signature with their own tools (openssl).
 */
export const checkpointMessage = (c: Pick<Checkpoint, 'day' | 'seq' | 'hash' | 'at'>): Uint8Array =>
  new TextEncoder().encode(`qianxing-audit-checkpoint/1\n${c.day}\n${c.seq}\n${c.hash}\n${c.at}\n`);

/** A point the chain must pass through: a hash, at a given seq when known. */
export interface ExpectedHead {
  seq?: number | undefined;
  hash: string;
  label: string;
}

/**
 * Checks every checkpoint's signature, by the key published with it or, when `pinnedKeys` (SPKI
 * PEM) are given, by one of those keys only (after the key was lost and a new one made, both are
 * pinned), and returns the verified ones as heads the chain must pass through. A checkpoint that
 * does not verify is a problem, never a head.
 */
export function verifyCheckpointFile(
  file: CheckpointFile,
  pinnedKeys: readonly string[] = [],
): { heads: ExpectedHead[]; problems: string[] } {
  const heads: ExpectedHead[] = [];
  const problems: string[] = [];
  const pinned = new Map(pinnedKeys.map((k) => [keyIdOf(k), k]));
  const published = new Map(file.keys.map((k) => [k.keyId, k.publicKey]));
  for (const c of file.checkpoints) {
    const label = `checkpoint ${c.day} (seq ${c.seq})`;
    const key = pinned.size > 0 ? pinned.get(c.keyId) : published.get(c.keyId);
    if (!key) {
      problems.push(
        pinned.size > 0
          ? `${label} is signed by key ${c.keyId}, not by the expected key ${[...pinned.keys()].join(' or ')}`
          : `${label} names key ${c.keyId}, which the file does not publish`,
      );
      continue;
    }
    // The key's name must be its own fingerprint, or one key could pass for another.
    const genuine = safeKeyId(key) === c.keyId;
    if (!genuine || !verifyCheckpointSignature(key, checkpointMessage(c), c.signature)) {
      problems.push(`${label}: its signature does not verify; it was not made by key ${c.keyId}`);
      continue;
    }
    heads.push({ seq: c.seq, hash: c.hash, label });
  }
  return { heads, problems };
}

function safeKeyId(publicKeyPem: string): string | undefined {
  try {
    return keyIdOf(publicKeyPem);
  } catch {
    return undefined;
  }
}
