//! The Monte Carlo samplers: uniform, normal, gamma, PERT and triangular draws from a seeded
//! generator, the same bit for bit on every platform.
//!
//! They use IEEE arithmetic (exact to the last bit everywhere) and the pure Rust `libm`
//! crate for `ln` and `sqrt`, never the system's maths library: glibc's `ln` and `exp` and
//! mingw's differ in the last bits, and in a rejection sampler one last bit can accept a
//! draw on one system and reject it on the other, after which every later draw differs.
//! The uniform draws are `ChaCha8Rng`'s bits, the same everywhere.
//!
//! PERT is a beta distribution, scaled to the range, with the usual weight of 4 on the most
//! likely value; its beta is drawn as `X / (X + Y)` from two gamma draws (Marsaglia and
//! Tsang's method, with normal draws by Marsaglia's polar method). Triangular is drawn by
//! its inverse distribution function.

use rand::RngCore;

/// A uniform draw in `[0, 1)`: the top 53 bits of the next `u64`, as `rand` makes an `f64`.
pub fn uniform<R: RngCore + ?Sized>(rng: &mut R) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let scale = 1.0 / (1_u64 << 53) as f64;
    #[allow(clippy::cast_precision_loss)]
    let top = (rng.next_u64() >> 11) as f64;
    top * scale
}

/// A standard normal draw (mean 0, variance 1), by Marsaglia's polar method.
pub fn standard_normal<R: RngCore + ?Sized>(rng: &mut R) -> f64 {
    loop {
        let u = 2.0 * uniform(rng) - 1.0;
        let v = 2.0 * uniform(rng) - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            return u * libm::sqrt(-2.0 * libm::log(s) / s);
        }
    }
}

/// A gamma draw of shape `shape` (at least 1) and scale 1, by Marsaglia and Tsang's method.
/// A shape below 1 (which PERT never needs) is drawn as shape 1.
pub fn gamma<R: RngCore + ?Sized>(shape: f64, rng: &mut R) -> f64 {
    let d = shape.max(1.0) - 1.0 / 3.0;
    let c = 1.0 / libm::sqrt(9.0 * d);
    loop {
        let x = standard_normal(rng);
        let t = 1.0 + c * x;
        if t <= 0.0 {
            continue;
        }
        let v = t * t * t;
        // In (0, 1], so that its logarithm is finite.
        let u = 1.0 - uniform(rng);
        let x2 = x * x;
        if u < 1.0 - 0.0331 * (x2 * x2) || libm::log(u) < 0.5 * x2 + d * (1.0 - v + libm::log(v)) {
            return d * v;
        }
    }
}

/// PERT from `min` to `max` with most likely value `mode`: `min + (max - min) B`, where `B`
/// is beta with `alpha = 1 + 4 (mode - min) / (max - min)` and
/// `beta = 1 + 4 (max - mode) / (max - min)`, so the mean is `(min + 4 mode + max) / 6`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pert {
    min: f64,
    max: f64,
    alpha: f64,
    beta: f64,
}

impl Pert {
    /// PERT over a range of some width (`min < max`), with `mode` inside it; `None` otherwise.
    #[must_use]
    pub fn new(min: f64, mode: f64, max: f64) -> Option<Self> {
        let finite = min.is_finite() && mode.is_finite() && max.is_finite();
        if !(finite && min < max && min <= mode && mode <= max) {
            return None;
        }
        let range = max - min;
        Some(Self {
            min,
            max,
            alpha: 1.0 + 4.0 * (mode - min) / range,
            beta: 1.0 + 4.0 * (max - mode) / range,
        })
    }

    /// The beta distribution's two shapes, `alpha` and `beta`.
    #[must_use]
    pub fn shapes(&self) -> (f64, f64) {
        (self.alpha, self.beta)
    }

    /// The mean, `(min + 4 mode + max) / 6`.
    #[must_use]
    pub fn mean(&self) -> f64 {
        self.min + (self.max - self.min) * self.alpha / (self.alpha + self.beta)
    }

    /// The variance: `(max - min)^2 alpha beta / ((alpha + beta)^2 (alpha + beta + 1))`.
    #[must_use]
    pub fn variance(&self) -> f64 {
        let (a, b) = (self.alpha, self.beta);
        let range = self.max - self.min;
        range * range * a * b / ((a + b) * (a + b) * (a + b + 1.0))
    }

    /// One draw, from `min` to `max`.
    pub fn sample<R: RngCore + ?Sized>(&self, rng: &mut R) -> f64 {
        let x = gamma(self.alpha, rng);
        let y = gamma(self.beta, rng);
        (self.min + (self.max - self.min) * (x / (x + y))).clamp(self.min, self.max)
    }
}

/// Triangular from `min` to `max`, peaking at `mode`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Triangular {
    min: f64,
    mode: f64,
    max: f64,
}

impl Triangular {
    /// Triangular over a range of some width (`min < max`), with `mode` inside it; `None`
    /// otherwise.
    #[must_use]
    pub fn new(min: f64, mode: f64, max: f64) -> Option<Self> {
        let finite = min.is_finite() && mode.is_finite() && max.is_finite();
        if !(finite && min < max && min <= mode && mode <= max) {
            return None;
        }
        Some(Self { min, mode, max })
    }

    /// The mean, `(min + mode + max) / 3`.
    #[must_use]
    pub fn mean(&self) -> f64 {
        (self.min + self.mode + self.max) / 3.0
    }

    /// The variance: `(a^2 + b^2 + c^2 - ab - ac - bc) / 18`.
    #[must_use]
    pub fn variance(&self) -> f64 {
        let (a, b, c) = (self.min, self.mode, self.max);
        (a * a + b * b + c * c - a * b - a * c - b * c) / 18.0
    }

    /// The value below which a share `p` of draws fall (the inverse distribution function).
    #[must_use]
    pub fn quantile(&self, p: f64) -> f64 {
        let range = self.max - self.min;
        let below = self.mode - self.min;
        if p * range < below {
            self.min + libm::sqrt(p * range * below)
        } else {
            self.max - libm::sqrt((1.0 - p) * range * (self.max - self.mode))
        }
    }

    /// One draw: the inverse distribution function of a uniform draw.
    pub fn sample<R: RngCore + ?Sized>(&self, rng: &mut R) -> f64 {
        let u = uniform(rng);
        let range = self.max - self.min;
        let below = self.mode - self.min;
        let at = u * range;
        if at < below {
            self.min + libm::sqrt(at * below)
        } else {
            self.max - libm::sqrt((range - at) * (self.max - self.mode))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    const N: usize = 200_000;

    fn draws(n: usize, seed: u64, mut draw: impl FnMut(&mut ChaCha8Rng) -> f64) -> Vec<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        (0..n).map(|_| draw(&mut rng)).collect()
    }

    /// Sample mean and (population) variance.
    fn moments(values: &[f64]) -> (f64, f64) {
        #[allow(clippy::cast_precision_loss)]
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
        (mean, var)
    }

    /// Checks the sample mean and variance of `n` draws from a distribution over a range of
    /// width `range`: each within five standard errors. The mean's standard error is
    /// `sigma / sqrt(n)`; the variance's is `sqrt((mu4 - sigma^4) / n)`, and as every draw
    /// lies within `range` of the mean, `mu4 <= sigma^2 range^2`, so at most
    /// `sigma range / sqrt(n)`.
    fn check_moments(values: &[f64], mean: f64, variance: f64, range: f64, what: &str) {
        let (m, v) = moments(values);
        #[allow(clippy::cast_precision_loss)]
        let root_n = (values.len() as f64).sqrt();
        let sigma = variance.sqrt();
        assert!(
            (m - mean).abs() < 5.0 * sigma / root_n,
            "{what}: mean {m}, expected {mean}"
        );
        assert!(
            (v - variance).abs() < 5.0 * sigma * range / root_n,
            "{what}: variance {v}, expected {variance}"
        );
    }

    /// The share of `values` at or below `x` is `p`, within five binomial standard errors.
    fn check_share_below(values: &[f64], x: f64, p: f64, what: &str) {
        #[allow(clippy::cast_precision_loss)]
        let n = values.len() as f64;
        #[allow(clippy::cast_precision_loss)]
        let share = values.iter().filter(|v| **v <= x).count() as f64 / n;
        let error = (p * (1.0 - p) / n).sqrt();
        assert!(
            (share - p).abs() < 5.0 * error,
            "{what}: {share} of draws at or below {x}, expected {p}"
        );
    }

    /// The regularised incomplete beta function for whole shapes:
    /// `sum over j from a to a+b-1 of C(a+b-1, j) x^j (1-x)^(a+b-1-j)`.
    fn beta_cdf(x: f64, a: u32, b: u32) -> f64 {
        let n = a + b - 1;
        let mut total = 0.0;
        for j in a..=n {
            let mut choose = 1.0;
            for k in 0..j {
                choose = choose * f64::from(n - k) / f64::from(k + 1);
            }
            let (j, rest) = (i32::try_from(j).unwrap(), i32::try_from(n).unwrap());
            total += choose * x.powi(j) * (1.0 - x).powi(rest - j);
        }
        total
    }

    /// The largest gap between the share of draws at or below a value and the distribution
    /// function there (the Kolmogorov-Smirnov statistic).
    fn ks(values: &mut [f64], cdf: impl Fn(f64) -> f64) -> f64 {
        values.sort_by(f64::total_cmp);
        #[allow(clippy::cast_precision_loss)]
        let n = values.len() as f64;
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                #[allow(clippy::cast_precision_loss)]
                let (below, at) = (i as f64 / n, (i + 1) as f64 / n);
                let c = cdf(*v);
                (c - below).abs().max((at - c).abs())
            })
            .fold(0.0, f64::max)
    }

    #[test]
    fn the_same_seed_gives_the_same_draws() {
        let pert = Pert::new(0.8, 1.0, 1.3).unwrap();
        let triangular = Triangular::new(0.8, 1.0, 1.3).unwrap();
        let a = draws(1_000, 5, |r| pert.sample(r) + triangular.sample(r));
        let b = draws(1_000, 5, |r| pert.sample(r) + triangular.sample(r));
        assert_eq!(
            a.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            b.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        let c = draws(1_000, 6, |r| pert.sample(r) + triangular.sample(r));
        assert_ne!(a, c);
    }

    #[test]
    fn the_draws_are_pinned() {
        // A digest of 30,000 draws from seed 2026, the same bit for bit on every system
        // (`.ci/windows` compares the Windows build's Monte Carlo figures with Linux's). A
        // change here changes every Monte Carlo figure, so it must be deliberate.
        let pert = Pert::new(0.8, 1.0, 1.3).unwrap();
        let skewed = Pert::new(-2.0, -2.0, 10.0).unwrap();
        let triangular = Triangular::new(0.8, 1.0, 1.3).unwrap();
        let mut rng = ChaCha8Rng::seed_from_u64(2026);
        let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
        for _ in 0..10_000 {
            let values = [
                pert.sample(&mut rng),
                skewed.sample(&mut rng),
                triangular.sample(&mut rng),
            ];
            for byte in values.iter().flat_map(|v| v.to_bits().to_le_bytes()) {
                digest ^= u64::from(byte);
                digest = digest.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        assert_eq!(format!("{digest:016x}"), "8ad8deaea84d2f43");
    }

    #[test]
    fn uniform_draws_are_rands() {
        // The same bits as `rand`'s own `f64`, so triangular draws are what they were.
        use rand::Rng;
        let ours = draws(1_000, 9, uniform);
        let theirs = draws(1_000, 9, |r| r.random::<f64>());
        assert_eq!(ours, theirs);
    }

    #[test]
    fn normal_and_gamma_match_their_moments() {
        let normal = draws(N, 1, standard_normal);
        let (m, v) = moments(&normal);
        // Standard errors: 1 / sqrt(n) for the mean, sqrt(2 / n) for the variance.
        assert!(m.abs() < 5.0 / 447.0, "{m}");
        assert!((v - 1.0).abs() < 5.0 * (2.0_f64 / 200_000.0).sqrt(), "{v}");
        for shape in [1.0, 1.8, 3.0, 5.0] {
            let g = draws(N, 2, |r| gamma(shape, r));
            let (m, v) = moments(&g);
            // Mean and variance are both `shape`; the mean's standard error is
            // sqrt(shape / n), the variance's sqrt((mu4 - shape^2) / n) with
            // mu4 = 3 shape^2 + 6 shape.
            let n = 200_000.0_f64;
            assert!((m - shape).abs() < 5.0 * (shape / n).sqrt(), "{shape}: {m}");
            let se = ((2.0 * shape * shape + 6.0 * shape) / n).sqrt();
            assert!((v - shape).abs() < 5.0 * se, "{shape}: {v}");
            assert!(g.iter().all(|x| *x > 0.0));
        }
    }

    #[test]
    fn pert_matches_its_mean_variance_and_distribution() {
        // Modes at 0, 1/4, 1/2, 3/4 and 1 of the range give whole shapes (1 and 5, 2 and 4,
        // 3 and 3...), whose distribution function is a finite sum: the draws must follow it
        // (Kolmogorov-Smirnov, 1.95 / sqrt(n) being the 0.1% critical value).
        for (k, (min, max)) in [(0.8, 1.3), (-200.0, 600.0), (0.0, 24.0)]
            .into_iter()
            .cycle()
            .take(5)
            .enumerate()
        {
            let quarters = u32::try_from(k).unwrap();
            let mode = min + (max - min) * f64::from(quarters) / 4.0;
            let pert = Pert::new(min, mode, max).unwrap();
            let (a, b) = pert.shapes();
            assert!((a - f64::from(1 + quarters)).abs() < 1e-12);
            assert!((b - f64::from(5 - quarters)).abs() < 1e-12);
            let expected = (min + 4.0 * mode + max) / 6.0;
            assert!((pert.mean() - expected).abs() < 1e-12 * (max - min));
            let what = format!("PERT({min}, {mode}, {max})");
            let mut values = draws(N, 3 + k as u64, |r| pert.sample(r));
            assert!(values.iter().all(|v| (min..=max).contains(v)), "{what}");
            check_moments(&values, expected, pert.variance(), max - min, &what);
            let statistic = ks(&mut values, |x| {
                beta_cdf((x - min) / (max - min), 1 + quarters, 5 - quarters)
            });
            assert!(
                statistic < 1.95 / (N as f64).sqrt(),
                "{what}: KS {statistic}"
            );
        }
        // Quantiles in closed form: the median of a symmetric PERT is its middle, and with
        // the mode at the low end (beta 1 and 5) the share p lies below 1 - (1 - p)^(1/5).
        let symmetric = draws(N, 11, |r| Pert::new(2.0, 5.0, 8.0).unwrap().sample(r));
        check_share_below(&symmetric, 5.0, 0.5, "symmetric PERT median");
        let skewed = draws(N, 12, |r| Pert::new(0.0, 0.0, 1.0).unwrap().sample(r));
        for p in [0.1_f64, 0.5, 0.9] {
            let x = 1.0 - (1.0 - p).powf(0.2);
            check_share_below(&skewed, x, p, "PERT(0, 0, 1)");
        }
        // A general shape: mean and variance only.
        let pert = Pert::new(0.8, 1.0, 1.3).unwrap();
        let values = draws(N, 13, |r| pert.sample(r));
        check_moments(
            &values,
            (0.8 + 4.0 + 1.3) / 6.0,
            pert.variance(),
            0.5,
            "PERT",
        );
    }

    #[test]
    fn triangular_matches_its_mean_variance_and_quantiles() {
        for (min, mode, max) in [(0.8, 1.0, 1.3), (0.0, 0.0, 6.0), (-5.0, 5.0, 5.0)] {
            let t = Triangular::new(min, mode, max).unwrap();
            let what = format!("triangular({min}, {mode}, {max})");
            let mut values = draws(N, 21, |r| t.sample(r));
            assert!(values.iter().all(|v| (min..=max).contains(v)), "{what}");
            assert!((t.mean() - (min + mode + max) / 3.0).abs() < 1e-12);
            check_moments(&values, t.mean(), t.variance(), max - min, &what);
            for p in [0.1, 0.25, 0.5, 0.75, 0.9] {
                check_share_below(&values, t.quantile(p), p, &what);
            }
            let cdf = |x: f64| {
                if x <= mode {
                    if mode > min {
                        (x - min) * (x - min) / ((max - min) * (mode - min))
                    } else {
                        0.0
                    }
                } else {
                    1.0 - (max - x) * (max - x) / ((max - min) * (max - mode))
                }
            };
            let statistic = ks(&mut values, cdf);
            assert!(
                statistic < 1.95 / (N as f64).sqrt(),
                "{what}: KS {statistic}"
            );
        }
    }

    #[test]
    fn a_range_without_width_or_a_mode_outside_it_is_refused() {
        assert!(Pert::new(1.0, 1.0, 1.0).is_none());
        assert!(Pert::new(1.0, 0.5, 2.0).is_none());
        assert!(Pert::new(1.0, 1.5, f64::INFINITY).is_none());
        assert!(Triangular::new(2.0, 1.5, 1.0).is_none());
        assert!(Triangular::new(1.0, 2.5, 2.0).is_none());
        assert!(Triangular::new(f64::NAN, 1.0, 2.0).is_none());
    }
}
