/**
 * Luhn (mod 10) arithmetic over a string of ASCII digits, shared by RPPS and FINESS.
 * Written out by hand rather than taken from a library: it is ten lines and runs in every runtime.
 */

/** Luhn sum of `digits`, doubling every second digit counted from the right (the rightmost is not doubled). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** True when `digits` (check digit included, last) satisfies Luhn. The caller guarantees only digits. */
export function luhnIsValid(digits: string): boolean {
  return digits.length > 0 && luhnSum(digits) % 10 === 0;
}

/** The digit to append to `body` so that the whole string satisfies Luhn. */
export function luhnCheckDigit(body: string): string {
  // Appending a placeholder 0 puts the body digits at the positions they will have in the final number.
  return String((10 - (luhnSum(body + '0') % 10)) % 10);
}
