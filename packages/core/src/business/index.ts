/** The business environment (营商环境), browser-safe: what the business module computes without I/O. */
export * from './credit-code.js';
