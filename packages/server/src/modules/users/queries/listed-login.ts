import { maskPhone } from '../../../privacy.js';

/**
 * An account's login as every list shows it: masked as its phone is where it is the phone (a
 * resident signs in so, and staff may), or a list would show in clear the number it masks elsewhere.
 */
export const listedLogin = (login: string, phone: string | null): string =>
  phone && login === phone ? (maskPhone(login) ?? login) : login;
