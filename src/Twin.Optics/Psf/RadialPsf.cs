namespace Twin.Optics.Psf;

/// <summary>
/// A rotationally symmetric PSF sampled every <see cref="StepUm"/> µm along the radius, with the
/// width measures used to compare PSF models: encircled-energy radii and the MTF50-equivalent
/// Gaussian σ.
/// </summary>
public sealed class RadialPsf
{
    private readonly double[] _h;
    private readonly double[] _cumulative;

    /// <summary>Wraps samples h(i·step), µm⁻², i = 0 … n − 1.</summary>
    /// <param name="stepUm">Radial sample spacing, µm.</param>
    /// <param name="intensity">PSF values at the sample radii, µm⁻².</param>
    /// <param name="defocusUm">The defocus the samples belong to, µm (for reference).</param>
    public RadialPsf(double stepUm, double[] intensity, double defocusUm)
    {
        if (intensity.Length < 2 || !(stepUm > 0))
        {
            throw new ArgumentException("need at least two samples and a positive step",
                nameof(intensity));
        }

        StepUm = stepUm;
        DefocusUm = defocusUm;
        _h = intensity;
        // encircled energy ∫ h·2πr dr by the trapezoid rule, cumulative
        _cumulative = new double[intensity.Length];
        for (int i = 1; i < intensity.Length; i++)
        {
            double a = intensity[i - 1] * (i - 1);
            double b = intensity[i] * i;
            _cumulative[i] = _cumulative[i - 1] + (Math.PI * stepUm * stepUm * (a + b));
        }
    }

    /// <summary>Radial sample spacing, µm.</summary>
    public double StepUm { get; }

    /// <summary>Defocus of this PSF, µm.</summary>
    public double DefocusUm { get; }

    /// <summary>Largest sampled radius, µm.</summary>
    public double MaxRadiusUm => (_h.Length - 1) * StepUm;

    /// <summary>Fraction of the light inside the sampled disc (0–1): ~1 for a whole PSF.</summary>
    public double TotalEnergy => _cumulative[^1];

    /// <summary>Intensity at radius r µm, linearly interpolated, µm⁻² (0 beyond).</summary>
    public double IntensityAt(double rUm)
    {
        double u = rUm / StepUm;
        int i = (int)u;
        if (i >= _h.Length - 1)
        {
            return i == _h.Length - 1 && u == i ? _h[i] : 0;
        }

        double t = u - i;
        return (_h[i] * (1 - t)) + (_h[i + 1] * t);
    }

    /// <summary>Fraction of the light within radius r µm (0–1).</summary>
    public double EncircledEnergy(double rUm)
    {
        double u = Math.Clamp(rUm / StepUm, 0, _h.Length - 1);
        int i = Math.Min((int)u, _h.Length - 2);
        double t = u - i;
        return (_cumulative[i] * (1 - t)) + (_cumulative[i + 1] * t);
    }

    /// <summary>
    /// Radius that holds <paramref name="fraction"/> of the sampled light, µm (the fraction is
    /// taken of <see cref="TotalEnergy"/>, so truncation does not bias it).
    /// </summary>
    public double EncircledEnergyRadiusUm(double fraction)
    {
        double target = fraction * TotalEnergy;
        int i = Array.BinarySearch(_cumulative, target);
        if (i >= 0)
        {
            return i * StepUm;
        }

        i = ~i;
        double lo = _cumulative[i - 1];
        double hi = _cumulative[i];
        return (i - 1 + ((target - lo) / (hi - lo))) * StepUm;
    }

    /// <summary>
    /// Modulation transfer at spatial frequency f (cycles/µm): the Hankel transform
    /// ∫h(r)·J₀(2πfr)·2πr dr of the samples, divided by their total so MTF(0) = 1.
    /// Negative values (contrast reversal) are returned as they are.
    /// </summary>
    public double Mtf(double frequencyPerUm)
    {
        double sum = 0;
        double w = 2 * Math.PI * frequencyPerUm * StepUm;
        for (int i = 1; i < _h.Length; i++)
        {
            sum += _h[i] * i * BesselTable.J0(w * i);
        }

        // trapezoid: the last sample carries half weight
        sum -= 0.5 * _h[^1] * (_h.Length - 1) * BesselTable.J0(w * (_h.Length - 1));
        return 2 * Math.PI * StepUm * StepUm * sum / TotalEnergy;
    }

    /// <summary>
    /// The lowest spatial frequency at which the MTF falls to <paramref name="level"/>
    /// (default one half: MTF50), cycles/µm, found by stepping then bisection.
    /// </summary>
    public double MtfFrequencyPerUm(double level = 0.5)
    {
        // step in frequency small against the narrowest feature the MTF can have, 1/(4·rmax)
        double df = 1.0 / (8 * MaxRadiusUm);
        double lo = 0;
        double hi = df;
        while (Mtf(hi) > level)
        {
            lo = hi;
            hi += df;
        }

        for (int it = 0; it < 40; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (Mtf(mid) > level)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Width as a Gaussian σ, µm: the σ whose transfer function exp(−2π²σ²f²) halves contrast at
    /// the same frequency as this PSF, σ = √(ln 2 / 2) / (π·f₅₀).
    /// </summary>
    public double Mtf50SigmaUm() => Math.Sqrt(Math.Log(2) / 2) / (Math.PI * MtfFrequencyPerUm());
}
