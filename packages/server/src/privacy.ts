/** 138****5678: the form PIPL practice uses in every list and export. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 5001**********1234 for an 18-character resident ID number. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

/**
 * Free text (a survey's open answer) with any mainland mobile number or resident ID number in it
 * masked: the form asks for neither, but people type them anyway.
 */
export function maskNumbersInText(text: string): string {
  return text
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (id) => maskIdNumber(id)!)
    .replace(/(?<!\d)1\d{10}(?!\d)/g, (phone) => maskPhone(phone)!);
}
