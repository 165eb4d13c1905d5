/** Vietnamese phone numbers as offices write them ("0912 345 678", "+84 912.345.678") → "0912345678". */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (!/^0\d{9,10}$/.test(digits)) return null;
  return digits;
}
