/**
 * Tail probabilities of count models, in log10 so tiny p-values stay comparable.
 */

const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7];

/** Natural log of the gamma function (Lanczos, g=7); accurate to ~1e-13 for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * log10 P(X ≥ observed) for a count X with the given mean and variance: negative binomial when
 * variance > mean, Poisson otherwise. Returns 0 (p = 1) when observed ≤ 0.
 *
 * The tail is summed upward from `observed`; above the mean each term shrinks geometrically, so
 * the sum converges fast and never suffers the cancellation of `1 - cdf`.
 */
export function upperTailLog10(observed: number, mean: number, variance: number): number {
  if (observed <= 0) return 0;
  if (mean <= 0) return -Infinity;
  const x0 = Math.ceil(observed);
  const isPoisson = variance <= mean * 1.0001;
  const size = isPoisson ? Infinity : (mean * mean) / (variance - mean);
  const q = isPoisson ? 0 : mean / (size + mean);
  const logPmf = (x: number): number =>
    isPoisson
      ? x * Math.log(mean) - mean - logGamma(x + 1)
      : logGamma(x + size) - logGamma(size) - logGamma(x + 1) + size * Math.log(1 - q) + x * Math.log(q);
  const first = logPmf(x0);
  let sum = 1;
  let term = 1;
  for (let x = x0; x < x0 + 5000; x++) {
    const ratio = isPoisson ? mean / (x + 1) : ((x + size) / (x + 1)) * q;
    term *= ratio;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return Math.min(0, (first + Math.log(sum)) / Math.LN10);
}

/**
 * The p-quantile of a count with this mean and variance (negative binomial, or Poisson when not
 * over-dispersed); normal approximation above a mean of 200 where the difference is immaterial.
 */
export function countQuantile(p: number, mean: number, variance: number): number {
  if (mean <= 0) return 0;
  if (mean > 200) {
    const z = p >= 0.5 ? normalQuantileUpper(p) : -normalQuantileUpper(1 - p);
    return Math.max(0, Math.round(mean + z * Math.sqrt(Math.max(variance, mean))));
  }
  const isPoisson = variance <= mean * 1.0001;
  const size = isPoisson ? Infinity : (mean * mean) / (variance - mean);
  const q = isPoisson ? 0 : mean / (size + mean);
  let pmf = isPoisson ? Math.exp(-mean) : Math.exp(size * Math.log(1 - q));
  let cdf = pmf;
  let x = 0;
  while (cdf < p && x < 100_000) {
    pmf *= isPoisson ? mean / (x + 1) : ((x + size) / (x + 1)) * q;
    x++;
    cdf += pmf;
  }
  return x;
}

/** z with P(Z ≤ z) = p for p ≥ 0.5 (Abramowitz–Stegun 26.2.23, |error| < 4.5e-4). */
function normalQuantileUpper(p: number): number {
  const t = Math.sqrt(-2 * Math.log(1 - p));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}
