using System.Buffers;
using System.Numerics;
using Twin.Optics.Compute;
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
    // LIMITATION: incoherent light; the condenser's partial coherence (σ = NAc/NAo) is left out
    // LIMITATION: no chromatic focal shift; channels differ only through λ in the PSF width
    // LIMITATION: a separable Gaussian kernel, so the PSF's rings and long tail are not rendered
    // LIMITATION: tissue is point-sampled at the render pitch; finer detail aliases, as at 40x
    // LIMITATION: no line-scan motion blur (measured: it moves the 20x/40x JPEG saving < 1 pt)
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
    /// <param name="backend">Where the blur and transmission kernel runs (default: the shared
    /// managed CPU backend, <see cref="ManagedRenderBackend.Shared"/>).</param>
    public ImageFormer(
        ITissueVolume volume, ObjectiveModel objective, SensorModel sensor,
        double renderPitchUm = 0.26, IRenderBackend? backend = null)
    {
        _volume = volume;
        Backend = backend ?? ManagedRenderBackend.Shared;
        Objective = objective;
        _sensor = sensor;
        _sub = Math.Max(1, (int)Math.Round(objective.PixelSizeUm / renderPitchUm));
        _pitch = objective.PixelSizeUm / _sub;
    }

    /// <summary>The optics.</summary>
    public ObjectiveModel Objective { get; }

    /// <summary>The compute backend that runs the image-formation kernel.</summary>
    public IRenderBackend Backend { get; }

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
        float[] transmission = ArrayPool<float>.Shared.Rent(3 * w * h);
        try
        {
            Transmission(x0Um, y0Um, w, h, [focusUm], h, [0, 1, 2], transmission);
            var noise = new NoiseSource(noiseSeed);
            int plane = w * h;
            Span<float> levels = transmission.AsSpan(0, 3 * plane);
            Quantise(levels, ref noise);
            RgbPacking.Interleave(levels[..plane], levels.Slice(plane, plane),
                levels.Slice(2 * plane, plane), rgb);
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
        var noise = new NoiseSource(noiseSeed);
        Span<float> levels = output[..(w * h)];
        Quantise(levels, ref noise);
        float glass = 1f / (float)_sensor.GlassLevel;
        for (int p = 0; p < levels.Length; p++)
        {
            levels[p] *= glass;
        }
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
        double[] both = [.. focusA, .. focusB];
        int[] green = [1];
        int halo = HaloFor(both, green);
        int sw = (w * _sub) + (2 * halo);
        int sh = (h * _sub) + (2 * halo);
        float[] od = ArrayPool<float>.Shared.Rent(_volume.Slices * 3 * sw * sh);
        try
        {
            Sample(x0Um, y0Um, sw, sh, halo, od);
            Form(od, sw, sh, halo, w, h, focusA, segmentRows, green, outputA);
            Form(od, sw, sh, halo, w, h, focusB, segmentRows, green, outputB);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(od);
        }

        float glass = 1f / (float)_sensor.GlassLevel;
        var noise = new NoiseSource(noiseSeed);
        Span<float> a = outputA[..(w * h)];
        Quantise(a, ref noise);
        Span<float> b = outputB[..(w * h)];
        Quantise(b, ref noise);
        for (int p = 0; p < a.Length; p++)
        {
            a[p] *= glass;
            b[p] *= glass;
        }
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
        int halo = HaloFor(focusUm, channels);
        int sw = (w * _sub) + (2 * halo);
        int sh = (h * _sub) + (2 * halo);
        float[] od = ArrayPool<float>.Shared.Rent(_volume.Slices * 3 * sw * sh);
        try
        {
            Sample(x0Um, y0Um, sw, sh, halo, od);
            Form(od, sw, sh, halo, w, h, focusUm, bandRows, channels, output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(od);
        }
    }

    /// <summary>Halo, in samples, the widest blur of these focal heights needs.</summary>
    private int HaloFor(ReadOnlySpan<double> focusUm, ReadOnlySpan<int> channels)
    {
        double maxDefocus = 0;
        foreach (double f in focusUm)
        {
            maxDefocus = Math.Max(maxDefocus, Math.Max(Math.Abs(f), Math.Abs(f
                - _volume.ThicknessUm)));
        }

        double maxSigma = 0;
        foreach (int c in channels)
        {
            maxSigma = Math.Max(maxSigma,
                SampleSigma(maxDefocus, 0, ObjectiveModel.ChannelWavelengthsUm[c]));
        }

        // LIMITATION: halos stop at 48 samples, so blur beyond ~±8 µm of defocus loses its tail
        return Math.Min(GaussianBlur.RadiusFor(maxSigma), 48);
    }

    /// <summary>
    /// Samples the volume's absorbance over sw × sh points (the region and its halo); large
    /// regions (focusing-sensor strips) are sampled in bands on all cores.
    /// </summary>
    private void Sample(double x0Um, double y0Um, int sw, int sh, int halo, float[] od)
    {
        // sample points sit at sub-pixel centres
        double offset = (-halo * _pitch) + (0.5 * _pitch);
        int plane = sw * sh;
        int slices = _volume.Slices;
        const int parallelAbove = 150_000;
        if (plane < parallelAbove)
        {
            _volume.SampleRegion(x0Um + offset, y0Um + offset, _pitch, sw, sh, od);
            return;
        }

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
            _volume.SampleRegion(x0Um + offset, y0Um + offset + (r0 * _pitch), _pitch, sw, rows,
                part);
            for (int k = 0; k < slices * 3; k++)
            {
                Array.Copy(part, k * bandPlane, od, (k * plane) + (r0 * sw), bandPlane);
            }

            ArrayPool<float>.Shared.Return(part);
        });
    }

    /// <summary>Blurs, sums and integrates sampled absorbance into transmission.</summary>
    private void Form(
        float[] od, int sw, int sh, int halo, int w, int h, ReadOnlySpan<double> focusUm,
        int bandRows, ReadOnlySpan<int> channels, Span<float> output)
    {
        int slices = _volume.Slices;
        double sliceUm = _volume.ThicknessUm / slices;
        int bands = h / bandRows;
        var sigmas = new float[channels.Length * bands * slices];
        for (int ci = 0; ci < channels.Length; ci++)
        {
            double lambda = ObjectiveModel.ChannelWavelengthsUm[channels[ci]];
            for (int band = 0; band < bands; band++)
            {
                double focus = focusUm[Math.Min(band, focusUm.Length - 1)];
                for (int s = 0; s < slices; s++)
                {
                    double z = (s + 0.5) * sliceUm;
                    sigmas[(((ci * bands) + band) * slices) + s] =
                        (float)SampleSigma(focus - z, sliceUm, lambda);
                }
            }
        }

        var job = new FormationJob
        {
            Od = od, Slices = slices, SampleWidth = sw, SampleHeight = sh, Halo = halo,
            Width = w, Height = h, SubSamples = _sub, BandRows = bandRows,
            Channels = channels.ToArray(), SigmaSamples = sigmas,
        };
        Backend.Form(job, output);
    }

    /// <summary>
    /// Blur σ of one depth slice, in samples: the PSF's σ for the slice's whole thickness (a
    /// layer, not a plane: <see cref="DefocusPsf.LayerSigmaUm"/>) and the sample's own square
    /// aperture (variance pitch²/12: each sample stands for the mean over its cell, so the camera
    /// pixel integrates its whole area) added in quadrature.
    /// </summary>
    private double SampleSigma(double defocusUm, double sliceUm, double wavelengthUm)
    {
        double psf = DefocusPsf.LayerSigmaUm(defocusUm, sliceUm, wavelengthUm, Objective);
        return Math.Sqrt((psf * psf) + (_pitch * _pitch / 12)) / _pitch;
    }

    /// <summary>
    /// Turns transmissions (0–1) into 8-bit levels in place: photo-electrons, shot and read
    /// noise, rounding and clipping to 0–255. Vectorised; the noise values are drawn in order.
    /// </summary>
    private void Quantise(Span<float> values, ref NoiseSource noise)
    {
        float[] gauss = ArrayPool<float>.Shared.Rent(values.Length);
        try
        {
            noise.FillGaussianFast(gauss.AsSpan(0, values.Length));

            // shot noise (Poisson, Gaussian approximation at these counts) and read noise are
            // independent Gaussians, so together one Gaussian of variance N + read²
            var full = new Vector<float>((float)_sensor.GlassElectrons);
            var read2 = new Vector<float>((float)(_sensor.ReadNoiseElectrons
                * _sensor.ReadNoiseElectrons));
            var scale = new Vector<float>((float)(_sensor.GlassLevel / _sensor.GlassElectrons));
            var top = new Vector<float>(255f);
            int vw = Vector<float>.Count;
            int i0 = 0;
            for (; i0 <= values.Length - vw; i0 += vw)
            {
                var electrons = new Vector<float>(values[i0..]) * full;
                var sd = Vector.SquareRoot(Vector.Max(electrons, Vector<float>.Zero) + read2);
                var level = Vector.Round((electrons + (sd * new Vector<float>(gauss, i0))) * scale);
                Vector.Min(Vector.Max(level, Vector<float>.Zero), top).CopyTo(values[i0..]);
            }

            for (; i0 < values.Length; i0++)
            {
                float electrons = values[i0] * full[0];
                float sd = MathF.Sqrt(MathF.Max(electrons, 0) + read2[0]);
                float level = MathF.Round((electrons + (sd * gauss[i0])) * scale[0]);
                values[i0] = Math.Clamp(level, 0f, 255f);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(gauss);
        }
    }
}
