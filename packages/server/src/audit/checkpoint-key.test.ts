import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../test-support/temp-folders.js';
import { checkpointMessage, verifyCheckpointFile } from './checkpoint-file.js';
import { keyIdOf, loadCheckpointSigner, verifyCheckpointSignature } from './checkpoint-key.js';

const folder = tempFolders('qx-checkpoint-key-');
const body = { day: '2026-05-01', seq: 42, hash: 'a'.repeat(64), at: '2026-04-30T16:00:01.000Z' };

describe('the checkpoint signing key', () => {
  it('is made on first use, readable by its owner only, and the same key afterwards', () => {
    const file = join(folder(), 'keys', 'audit-checkpoint-key.pem');
    const first = loadCheckpointSigner(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY');
    const again = loadCheckpointSigner(file);
    expect(again.keyId).toBe(first.keyId);
    expect(again.publicKey).toBe(first.publicKey);
    expect(first.keyId).toMatch(/^[0-9a-f]{32}$/);
    expect(keyIdOf(first.publicKey)).toBe(first.keyId);
  });

  it('signs so that the public key verifies, and nothing altered verifies', () => {
    const signer = loadCheckpointSigner(join(folder(), 'k.pem'));
    const signature = signer.sign(checkpointMessage(body));
    expect(verifyCheckpointSignature(signer.publicKey, checkpointMessage(body), signature)).toBe(true);
    const altered = checkpointMessage({ ...body, seq: 41 });
    expect(verifyCheckpointSignature(signer.publicKey, altered, signature)).toBe(false);
    const other = loadCheckpointSigner(join(folder(), 'k.pem'));
    expect(verifyCheckpointSignature(other.publicKey, checkpointMessage(body), signature)).toBe(false);
    expect(verifyCheckpointSignature('not a key', checkpointMessage(body), signature)).toBe(false);
  });

  it('refuses a key file that is not Ed25519', () => {
    const file = join(folder(), 'rsa.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadCheckpointSigner(file)).toThrow(/Ed25519/);
  });
});

describe('a checkpoint file', () => {
  const signer = loadCheckpointSigner(join(folder(), 'k.pem'));
  const signed = (b = body) => ({ ...b, keyId: signer.keyId, signature: signer.sign(checkpointMessage(b)) });
  const file = (checkpoints = [signed()]) => ({
    format: 'qianxing-audit-checkpoints/1' as const,
    keys: [{ keyId: signer.keyId, publicKey: signer.publicKey }],
    checkpoints,
  });

  it('gives each verified checkpoint as a head the chain must pass through', () => {
    expect(verifyCheckpointFile(file())).toEqual({
      heads: [{ seq: 42, hash: body.hash, label: 'checkpoint 2026-05-01 (seq 42)' }],
      problems: [],
    });
  });

  it('names a checkpoint whose content was changed after signing', () => {
    const forged = { ...signed(), hash: 'b'.repeat(64) };
    const r = verifyCheckpointFile(file([forged]));
    expect(r.heads).toEqual([]);
    expect(r.problems[0]).toMatch(/checkpoint 2026-05-01 .*signature does not verify/);
  });

  it('with a pinned key, refuses checkpoints signed by any other, even with a valid signature', () => {
    const other = loadCheckpointSigner(join(folder(), 'other.pem'));
    expect(verifyCheckpointFile(file(), [signer.publicKey]).problems).toEqual([]);
    const r = verifyCheckpointFile(file(), [other.publicKey]);
    expect(r.problems[0]).toMatch(/not by the expected key/);
    // The old key and the one made after it was lost, both pinned: either signs.
    expect(verifyCheckpointFile(file(), [other.publicKey, signer.publicKey]).problems).toEqual([]);
  });

  it('refuses a key published under another key name', () => {
    const other = loadCheckpointSigner(join(folder(), 'other.pem'));
    const swapped = { ...file(), keys: [{ keyId: signer.keyId, publicKey: other.publicKey }] };
    expect(verifyCheckpointFile(swapped).problems[0]).toMatch(/does not verify/);
  });
});
