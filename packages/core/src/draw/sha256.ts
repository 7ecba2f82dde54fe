/**
 * SHA-256 (FIPS 180-4) for the draw, from @noble/hashes: an audited, pure-JS, synchronous
 * implementation, so the same code recomputes a draw in Node and in the browser (node:crypto
 * is Node-only and WebCrypto's digest is asynchronous). Still checked against the NIST FIPS
 * 180-4 vectors and node:crypto in sha256.test.ts, since a draw's reproducibility rests on it.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The SHA-256 digest (32 bytes) of `message`. */
export const sha256 = (message: Uint8Array): Uint8Array => nobleSha256(message);

export const toHex = (bytes: Uint8Array): string => bytesToHex(bytes);

export const utf8 = (text: string): Uint8Array => utf8ToBytes(text);

/** Hex SHA-256 of a string's UTF-8 bytes. */
export const sha256Hex = (text: string): string => toHex(sha256(utf8(text)));
