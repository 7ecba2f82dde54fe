import { addressKey } from './address-key.js';

/**
 * What the owner's list of remembered devices says of an address: enough to tell home from the
 * office, not the address itself. An IPv4 address keeps its first three parts, an IPv6 client
 * (known by its /64, see address-key.ts) its first three groups.
 */
export function maskedAddress(ip: string | null | undefined): string {
  const key = addressKey(ip);
  if (key === 'unknown') return '';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(key)) return key.replace(/\.\d+$/, '.*');
  if (key.endsWith('::/64')) return `${key.split(':').slice(0, 3).join(':')}:*`;
  return '';
}

const browsers: Array<[RegExp, string]> = [
  [/MicroMessenger\//, 'WeChat'],
  [/DingTalk\//, 'DingTalk'],
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/QQBrowser\//, 'QQ Browser'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const systems: Array<[RegExp, string]> = [
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/**
 * A user agent in brief ("Chrome, Windows"), or '' when neither part is known: enough to tell
 * one's phone from one's PC, and no more of the string than the list shows is kept.
 */
export function browserSummary(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = browsers.find(([re]) => re.test(ua))?.[1];
  const system = systems.find(([re]) => re.test(ua))?.[1];
  return [browser, system].filter(Boolean).join(', ');
}
