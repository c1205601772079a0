using System.Buffers;
using Twin.Optics.Psf;
using Twin.Optics.Tissue;

namespace Twin.Optics.Rendering;

/// <summary>
/// Forms the image a camera sees of a tissue volume at a given focal height, in the order the
/// physics happens: each depth slice's absorbance blurred by the defocus PSF for its distance to
/// the focal plane and summed, turned into transmission, integrated over the pixel, then shot
/// noise, read noise and quantisation to 8 bits.
/// </summary>
/// <remarks>
/// Blurring absorbance rather than transmitted intensity is the weak-object approximation of
/// incoherent brightfield: exact for thin, faint absorbers, and the usual first model for stained
/// sections. Regions are rendered on a grid of <see cref="RenderPitchUm"/>, finer than or equal to
/// the camera pixel, then averaged into camera pixels.
/// </remarks>
public sealed class ImageFormer
{
    private readonly ITissueVolume _volume;
    private readonly SensorModel _sensor;
    private readonly int _sub;
    private readonly double _pitch;

    /// <summary>Creates an image former for one volume, one objective and one sensor.</summary>
    /// <param name="volume">The tissue.</param>
    /// <param name="objective">Optics and pixel size.</param>
    /// <param name="sensor">Camera noise model.</param>
    /// <param name="renderPitchUm">Finest sampling of the tissue, µm (default 0.26, the 40x
    /// pixel; coarser pixels are integrated from several samples).</param>
    public ImageFormer(
        ITissueVolume volume, ObjectiveModel objective, SensorModel sensor,
        double renderPitchUm = 0.26)
    {
        _volume = volume;
        Objective = objective;
        _sensor = sensor;
        _sub = Math.Max(1, (int)Math.Round(objective.PixelSizeUm / renderPitchUm));
        _pitch = objective.PixelSizeUm / _sub;
    }

    /// <summary>The optics.</summary>
    public ObjectiveModel Objective { get; }

    /// <summary>Spacing of the internal sampling grid, µm.</summary>
    public double RenderPitchUm => _pitch;

    /// <summary>
    /// Renders a w × h pixel RGB tile whose top-left corner sits at (x0, y0) µm in the tissue frame
    /// (rows run along y, columns along x), with the focal plane <paramref name="focusUm"/> µm
    /// above the section's bottom face. Writes interleaved RGB bytes.
    /// </summary>
    public void RenderTile(
        double x0Um, double y0Um, int w, int h, double focusUm, ulong noiseSeed, Span<byte> rgb)
    {
        var channels = new[] { 0, 1, 2 };
        float[] transmission = ArrayPool<float>.Shared.Rent(3 * w * h);
        try
        {
            Transmission(x0Um, y0Um, w, h, [focusUm], h, channels, transmission);
            var noise = new NoiseSource(noiseSeed);
            int plane = w * h;
            for (int p = 0; p < plane; p++)
            {
                for (int c = 0; c < 3; c++)
                {
                    rgb[(p * 3) + c] = Quantise(transmission[(c * plane) + p], ref noise);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(transmission);
        }
    }

    /// <summary>
    /// Renders the green-channel signal of a sensor strip w pixels long (along x) and
    /// segments × segmentRows pixels tall (along y), each segment with its own focal height, as
    /// the camera would deliver it (noisy, in units of the glass level: clear glass ≈ 1).
    /// Used for the tilted focusing sensor, whose segments sit at different depths.
    /// </summary>
    public void RenderGreySegments(
        double x0Um, double y0Um, int w, int segmentRows, ReadOnlySpan<double> focusUm,
        ulong noiseSeed, Span<float> output)
    {
        int h = segmentRows * focusUm.Length;
        Transmission(x0Um, y0Um, w, h, focusUm, segmentRows, [1], output);
        AddGreyNoise(output[..(w * h)], noiseSeed);
    }

    /// <summary>
    /// Two read-outs of the same strip (for example the focusing sensor and the imaging sensor
    /// over the same field) with their own per-segment focal heights, sampling the tissue once.
    /// </summary>
    public void RenderGreySegmentPair(
        double x0Um, double y0Um, int w, int segmentRows, double[] focusA, double[] focusB,
        ulong noiseSeed, Span<float> outputA, Span<float> outputB)
    {
        int h = segmentRows * focusA.Length;
        double[] all = [.. focusA, .. focusB];
        using var sampled = Sample(x0Um, y0Um, w, h, all);
        Blur(sampled, w, h, focusA, segmentRows, [1], outputA);
        Blur(sampled, w, h, focusB, segmentRows, [1], outputB);
        AddGreyNoise(outputA[..(w * h)], noiseSeed);
        AddGreyNoise(outputB[..(w * h)], noiseSeed ^ 0x5DEECE66DUL);
    }

    /// <summary>
    /// Noise-free transmission (0–1) of a w × h pixel region for the channels asked, laid out
    /// [channel index][row][col]. Rows are split into bands of <paramref name="bandRows"/>
    /// pixels, band i focused at <paramref name="focusUm"/>[i] (one band when focus is uniform).
    /// </summary>
    public void Transmission(
        double x0Um, double y0Um, int w, int h, ReadOnlySpan<double> focusUm, int bandRows,
        ReadOnlySpan<int> channels, Span<float> output)
    {
        using var sampled = Sample(x0Um, y0Um, w, h, focusUm);
        Blur(sampled, w, h, focusUm, bandRows, channels, output);
    }

    private void AddGreyNoise(Span<float> signal, ulong seed)
    {
        var noise = new NoiseSource(seed);
        for (int p = 0; p < signal.Length; p++)
        {
            signal[p] = Quantise(signal[p], ref noise) / (float)_sensor.GlassLevel;
        }
    }

    /// <summary>Samples the volume's absorbance over a region plus the halo its blur needs.</summary>
    private SampledRegion Sample(double x0Um, double y0Um, int w, int h, ReadOnlySpan<double> focusUm)
    {
        double maxDefocus = 0;
        foreach (double f in focusUm)
        {
            maxDefocus = Math.Max(maxDefocus, Math.Max(Math.Abs(f), Math.Abs(f
                - _volume.ThicknessUm)));
        }

        double maxSigma = DefocusPsf.SigmaUm(maxDefocus, 0.61, Objective) / _pitch;
        // LIMITATION: halos are capped at 48 samples (12 µm at 40x), so blur beyond ~±8 µm of
        // defocus loses its tail; nothing in a scan lands that far from focus
        int halo = Math.Min(GaussianBlur.RadiusFor(maxSigma), 48);
        int sw = (w * _sub) + (2 * halo);
        int sh = (h * _sub) + (2 * halo);
        int plane = sw * sh;
        int slices = _volume.Slices;
        float[] od = ArrayPool<float>.Shared.Rent(slices * 3 * plane);
        // sample points sit at sub-pixel centres
        double offset = (-halo * _pitch) + (0.5 * _pitch);
        const int parallelAbove = 150_000;
        if (plane < parallelAbove)
        {
            _volume.SampleRegion(x0Um + offset, y0Um + offset, _pitch, sw, sh, od);
        }
        else
        {
            // large regions (focusing-sensor strips) are sampled in bands on all cores, each
            // band into its own buffer, then copied into place
            int bands = Environment.ProcessorCount * 2;
            int rowsPer = (sh + bands - 1) / bands;
            Parallel.For(0, bands, b =>
            {
                int r0 = b * rowsPer;
                int rows = Math.Min(rowsPer, sh - r0);
                if (rows <= 0)
                {
                    return;
                }

                int bandPlane = sw * rows;
                float[] part = ArrayPool<float>.Shared.Rent(slices * 3 * bandPlane);
                _volume.SampleRegion(x0Um + offset, y0Um + offset + (r0 * _pitch), _pitch, sw,
                    rows, part);
                for (int k = 0; k < slices * 3; k++)
                {
                    Array.Copy(part, k * bandPlane, od, (k * plane) + (r0 * sw), bandPlane);
                }

                ArrayPool<float>.Shared.Return(part);
            });
        }

        return new SampledRegion(od, sw, sh, halo);
    }

    private void Blur(
        SampledRegion sampled, int w, int h, ReadOnlySpan<double> focusUm, int bandRows,
        ReadOnlySpan<int> channels, Span<float> output)
    {
        int slices = _volume.Slices;
        double sliceUm = _volume.ThicknessUm / slices;
        int halo = sampled.Halo;
        int sw = sampled.Width;
        int plane = sw * sampled.Height;
        int innerW = w * _sub;
        int bandSub = bandRows * _sub;
        float[] acc = ArrayPool<float>.Shared.Rent(innerW * bandSub);
        float[] scratch = ArrayPool<float>.Shared.Rent(innerW * (bandSub + (2 * halo)));
        try
        {
            int bands = h / bandRows;
            for (int ci = 0; ci < channels.Length; ci++)
            {
                int c = channels[ci];
                double lambda = ObjectiveModel.ChannelWavelengthsUm[c];
                for (int band = 0; band < bands; band++)
                {
                    Span<float> a = acc.AsSpan(0, innerW * bandSub);
                    a.Clear();
                    double focus = focusUm[Math.Min(band, focusUm.Length - 1)];
                    for (int s = 0; s < slices; s++)
                    {
                        double z = (s + 0.5) * sliceUm;
                        double sigma = DefocusPsf.SigmaUm(focus - z, lambda, Objective) / _pitch;
                        int srcOffset = (((s * 3) + c) * plane) + (band * bandSub * sw);
                        GaussianBlur.BlurAdd(sampled.Od, srcOffset, sw, innerW, bandSub, halo,
                            sigma, a, scratch);
                    }

                    Integrate(a, innerW, w, band * bandRows, bandRows,
                        output.Slice(ci * w * h, w * h));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(acc);
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>Absorbance sampled over a region with its halo, from the shared pool.</summary>
    private sealed class SampledRegion(float[] od, int width, int height, int halo) : IDisposable
    {
        public float[] Od { get; } = od;

        public int Width { get; } = width;

        public int Height { get; } = height;

        public int Halo { get; } = halo;

        public void Dispose() => ArrayPool<float>.Shared.Return(Od);
    }

    /// <summary>Averages transmission 10^(−OD) over each pixel's sub-samples.</summary>
    private void Integrate(
        ReadOnlySpan<float> od, int innerW, int w, int row0, int rows, Span<float> output)
    {
        float norm = 1f / (_sub * _sub);
        for (int r = 0; r < rows; r++)
        {
            for (int x = 0; x < w; x++)
            {
                float t = 0f;
                for (int j = 0; j < _sub; j++)
                {
                    int rowBase = ((r * _sub) + j) * innerW;
                    for (int i = 0; i < _sub; i++)
                    {
                        t += MathF.Pow(10f, -od[rowBase + (x * _sub) + i]);
                    }
                }

                output[((row0 + r) * w) + x] = t * norm;
            }
        }
    }

    private byte Quantise(float transmission, ref NoiseSource noise)
    {
        double electrons = transmission * _sensor.GlassElectrons;
        // shot noise (Poisson, Gaussian approximation at these counts), then read noise
        electrons += Math.Sqrt(Math.Max(electrons, 0)) * noise.NextGaussian();
        electrons += _sensor.ReadNoiseElectrons * noise.NextGaussian();
        double level = Math.Round(electrons / _sensor.GlassElectrons * _sensor.GlassLevel);
        return (byte)Math.Clamp(level, 0, 255);
    }
}
