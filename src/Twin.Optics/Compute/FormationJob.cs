using Twin.Optics.Rendering;

namespace Twin.Optics.Compute;

/// <summary>
/// One call of the image-formation kernel: optical-density planes sampled on a square grid with
/// a halo, the Gaussian σ that blurs each plane, and the output geometry. Rows of the output are
/// grouped into bands of <see cref="BandRows"/> pixels, each band with its own σ per slice (its
/// own focal height); a tile is one band.
/// </summary>
public sealed class FormationJob
{
    /// <summary>
    /// Optical density (base-10 absorbance, dimensionless) laid out
    /// [slice][R, G, B][<see cref="SampleHeight"/>][<see cref="SampleWidth"/>].
    /// </summary>
    public required float[] Od { get; init; }

    /// <summary>Number of depth slices in <see cref="Od"/>.</summary>
    public required int Slices { get; init; }

    /// <summary>Samples per row of a plane, halo included: Width·SubSamples + 2·Halo.</summary>
    public required int SampleWidth { get; init; }

    /// <summary>Sample rows of a plane, halo included: Height·SubSamples + 2·Halo.</summary>
    public required int SampleHeight { get; init; }

    /// <summary>Extra samples on every side of the interior; caps the kernel radius.</summary>
    public required int Halo { get; init; }

    /// <summary>Output width, camera pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Output height, camera pixels (a whole number of bands).</summary>
    public required int Height { get; init; }

    /// <summary>Samples per camera pixel along each axis (1 at 40x, 2 at 20x by default).</summary>
    public required int SubSamples { get; init; }

    /// <summary>Camera-pixel rows per band (equal to Height for a uniform focus).</summary>
    public required int BandRows { get; init; }

    /// <summary>Colour channels to form (0 red, 1 green, 2 blue), in output order.</summary>
    public required int[] Channels { get; init; }

    /// <summary>
    /// Gaussian σ of each plane's blur in samples, laid out [channel index][band][slice].
    /// </summary>
    public required float[] SigmaSamples { get; init; }

    /// <summary>Number of bands.</summary>
    public int Bands => Height / BandRows;

    /// <summary>Interior samples per row, Width·SubSamples.</summary>
    public int InnerWidth => Width * SubSamples;

    /// <summary>Sample rows per band, BandRows·SubSamples.</summary>
    public int BandSamples => BandRows * SubSamples;

    /// <summary>σ of one plane, samples.</summary>
    public float Sigma(int channelIndex, int band, int slice) =>
        SigmaSamples[(((channelIndex * Bands) + band) * Slices) + slice];

    /// <summary>Kernel radius of one plane, samples: three σ, capped by the halo.</summary>
    public int Radius(int channelIndex, int band, int slice) =>
        Math.Min(GaussianBlur.RadiusFor(Sigma(channelIndex, band, slice)), Halo);

    /// <summary>Throws <see cref="ArgumentException"/> when the sizes do not fit.</summary>
    public void Validate()
    {
        if (Width <= 0 || Height <= 0 || SubSamples <= 0 || BandRows <= 0 || Slices <= 0
            || Halo < 1 || Height % BandRows != 0)
        {
            throw new ArgumentException(
                $"job geometry {Width}x{Height} px, sub {SubSamples}, band rows {BandRows}, "
                + $"slices {Slices}, halo {Halo} is not valid");
        }

        if (SampleWidth != InnerWidth + (2 * Halo)
            || SampleHeight != (Height * SubSamples) + (2 * Halo))
        {
            throw new ArgumentException(
                $"sample grid {SampleWidth}x{SampleHeight} does not match the output and halo");
        }

        if (Od.Length < Slices * 3 * SampleWidth * SampleHeight)
        {
            throw new ArgumentException($"OD holds {Od.Length} values, needs "
                + $"{Slices * 3 * SampleWidth * SampleHeight}");
        }

        if (Channels.Length == 0 || Channels.Any(c => c is < 0 or > 2)
            || SigmaSamples.Length < Channels.Length * Bands * Slices)
        {
            throw new ArgumentException(
                "channels must be 0–2, with one σ per channel, band and slice");
        }
    }
}
