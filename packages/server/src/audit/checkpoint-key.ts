import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Signs audit checkpoints; the private half stays in this process and its key file. */
export interface CheckpointSigner {
  keyId: string;
  /** SPKI PEM, published with every checkpoint. */
  publicKey: string;
  /** Ed25519 signature of `message`, base64. */
  sign(message: Uint8Array): string;
}

/** A key's name: the first 32 hex digits of SHA-256 of its public key (SPKI DER). */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

/** Whether `signature` (base64) is the Ed25519 signature of `message` by `publicKeyPem`. */
export function verifyCheckpointSignature(
  publicKeyPem: string,
  message: Uint8Array,
  signature: string,
): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, message, key, Buffer.from(signature, 'base64'));
  } catch {
    // A malformed key or signature verifies nothing.
    return false;
  }
}

/**
 * The signer whose private key (PKCS #8 PEM) is in `file`; on first use a new Ed25519 key pair
 * is made there, readable by its owner only. The key never enters the database: someone who can
 * rewrite the database still cannot sign a checkpoint for the rewritten chain.
 */
export function loadCheckpointSigner(file: string): CheckpointSigner {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    pem = createKeyFile(file);
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${file} holds a ${privateKey.asymmetricKeyType} key; audit checkpoints need Ed25519`);
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (message) => sign(null, message, privateKey).toString('base64'),
  };
}

function createKeyFile(file: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Written aside and linked into place: of several processes starting together, the first
  // link wins and the others read its key, and none ever reads a half-written file.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, pem, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return readFileSync(file, 'utf8');
}
