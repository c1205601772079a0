using System.Buffers;
using System.Globalization;
using System.Numerics;
using Twin.Optics.Imaging;
using Twin.Optics.Stains;

namespace Twin.Optics.Tissue;

/// <summary>
/// A tissue section seeded from a real RGB micrograph (PNG or JPEG). The image is split into
/// haematoxylin, eosin and DAB amounts by colour deconvolution (Ruifrok &amp; Johnston 2001)
/// once, at load; each pixel's OD is then extruded into depth: the haematoxylin share (nuclei)
/// in a Gaussian about mid-section, the rest (eosin, DAB and any colour the three stains do not
/// explain) spread evenly through the thickness. The OD summed over depth equals the OD
/// measured in the image, so an in-focus render gives back the source colours, and defocus
/// blurs nuclei more than the evenly spread stains.
/// </summary>
/// <remarks>
/// <para>Per pixel, OD_c = −log10(max(I_c, 1) / I0_c), clamped at 0, with I0 the glass level. The
/// nuclear share is the haematoxylin amount n from the deconvolution (negative amounts clamped
/// to 0), capped at min_c OD_c / H_c so that the rest, OD − n·H, is non-negative in every
/// channel. Slice s of a column then holds n·H·g_s + (OD − n·H)/S, where S is
/// <see cref="Slices"/> and g_s the share of a Gaussian of σ = <see cref="NucleusDepthSigmaUm"/>
/// centred at mid-section that falls in slice s, renormalised to sum to 1 over the section.
/// </para>
/// <para>Lateral mapping: source pixel (i, j) has its centre at ((i + ½)·p, (j + ½)·p) µm in the
/// section frame, p = <see cref="SourcePixelUm"/>; values between centres are bilinear. An area
/// larger than the image is covered by mirror tiling. Outside [0, width] × [0, height] µm the
/// section is glass (OD 0).</para>
/// </remarks>
// LIMITATION: mirror tiling repeats the source, so a large area shows mirrored seams and copies.
// LIMITATION: colour outside the H/E/DAB cone is kept but spread evenly, like eosin and DAB.
// LIMITATION: every nucleus shares one depth profile; no per-nucleus depth or knife-cut caps.
// LIMITATION: source levels are taken as linear transmission; sRGB gamma and ICC are ignored.
// LIMITATION: the source's own blur, noise and JPEG artefacts are carried into the section.
public sealed class ImageSeededTissueVolume : ITissueVolume
{
    /// <summary>Source image scale used when none is given, µm per pixel. Default 0.5.</summary>
    // source: estimate. A 20x scan is ~0.5 µm/px; the demo image (scikit-image's ihc.png) comes
    // with no stated scale; its epithelial nuclei, ~12-16 px wide, are 6-8 µm wide at 0.5 µm/px.
    public const double DefaultSourcePixelUm = 0.5;

    /// <summary>
    /// 8-bit glass level used when the image shows too little glass to estimate it (its
    /// 99th-percentile level is below 200 in some channel). Default 242.
    /// </summary>
    // source: estimate: white-balanced brightfield scans put clear glass a little below
    // saturation (about 235-250 of 255) so that the brightest glass does not clip.
    public const double DefaultGlassLevel = 242;

    /// <summary>
    /// Standard deviation of the haematoxylin (nuclear) depth profile about mid-section, µm.
    /// Default 1.2.
    /// </summary>
    // source: estimate. Nuclei are 5-10 µm across; a Gaussian with σ = 1.2 µm holds 95 % of the
    // stain within ±2.4 µm, i.e. a nucleus about 5 µm deep, centred in a 3-5 µm section.
    public const double DefaultNucleusDepthSigmaUm = 1.2;

    /// <summary>Largest source image accepted, pixels (64 Mpx: about 1.3 GiB of maps).</summary>
    // source: design limit; 64 Mpx at 0.5 µm/px is 4 mm × 4 mm, far beyond what one tile needs,
    // and it bounds the memory a hostile header can ask for before decoding starts.
    public const long MaxPixels = 64L * 1024 * 1024;

    // depth slices no thicker than 1 µm, as in ProceduralTissueVolume (finer than the ~1.3 µm
    // depth of field at 40x/0.75)
    private const double SliceUmMax = 1.0;

    private static readonly float[] HaemRgb = Rgb(Stain.Haematoxylin);

    private readonly StainMapPyramid _maps;
    private readonly float[] _haemWeights;
    private readonly float[] _evenWeights;

    private ImageSeededTissueVolume(
        StainMapPyramid maps, double widthUm, double heightUm, double thicknessUm,
        double sourcePixelUm, (float, float, float) glass, double sigmaUm,
        (float, float, float) mean)
    {
        _maps = maps;
        WidthUm = widthUm;
        HeightUm = heightUm;
        ThicknessUm = thicknessUm;
        SourcePixelUm = sourcePixelUm;
        GlassLevel = glass;
        NucleusDepthSigmaUm = sigmaUm;
        MeanAmounts = mean;
        Slices = Math.Max(1, (int)Math.Ceiling(thicknessUm / SliceUmMax));
        _haemWeights = DepthProfile.MidSectionGaussian(thicknessUm, Slices, sigmaUm);
        _evenWeights = DepthProfile.Uniform(Slices);
    }

    /// <inheritdoc/>
    public double ThicknessUm { get; }

    /// <inheritdoc/>
    public int Slices { get; }

    /// <inheritdoc/>
    public double WidthUm { get; }

    /// <inheritdoc/>
    public double HeightUm { get; }

    /// <summary>Scale of the source image, µm per pixel.</summary>
    public double SourcePixelUm { get; }

    /// <summary>Source image width, pixels.</summary>
    public int SourceWidthPx => _maps.Width;

    /// <summary>Source image height, pixels.</summary>
    public int SourceHeightPx => _maps.Height;

    /// <summary>The glass level I0 used per channel, 8-bit levels (0–255).</summary>
    public (float Red, float Green, float Blue) GlassLevel { get; }

    /// <summary>Standard deviation of the nuclear depth profile about mid-section, µm.</summary>
    public double NucleusDepthSigmaUm { get; }

    /// <summary>
    /// Mean stain amounts over the source image from the deconvolution, negative amounts
    /// clamped to 0: OD along each stain's unit vector (dimensionless, summed over depth).
    /// </summary>
    public (float Haematoxylin, float Eosin, float Dab) MeanAmounts { get; }

    /// <summary>Share of a column's haematoxylin in each depth slice (sums to 1).</summary>
    public IReadOnlyList<float> HaematoxylinSliceWeights => Array.AsReadOnly(_haemWeights);

    /// <summary>
    /// Share of a column's non-nuclear OD (eosin, DAB, rest) in each depth slice (1/Slices each).
    /// </summary>
    public IReadOnlyList<float> EvenSliceWeights => Array.AsReadOnly(_evenWeights);

    /// <summary>
    /// Reads a PNG or JPEG micrograph and builds a section of widthUm × heightUm × thicknessUm µm
    /// from it. <paramref name="sourcePixelUm"/> is the image scale, µm per pixel;
    /// <paramref name="glassLevel"/> is the 8-bit level of bare glass (I0) for all channels, or
    /// null to take each channel's 99th percentile (falling back to
    /// <see cref="DefaultGlassLevel"/> when the image shows no glass);
    /// <paramref name="nucleusDepthSigmaUm"/> is the nuclear depth spread, µm.
    /// </summary>
    /// <exception cref="TissueImageException">The file is missing, unreadable, not a PNG or
    /// JPEG, corrupt, truncated, or over <see cref="MaxPixels"/> pixels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or level is out of range.
    /// </exception>
    public static ImageSeededTissueVolume Load(
        string path, double widthUm, double heightUm, double thicknessUm,
        double sourcePixelUm = DefaultSourcePixelUm, double? glassLevel = null,
        double nucleusDepthSigmaUm = DefaultNucleusDepthSigmaUm)
    {
        ArgumentNullException.ThrowIfNull(path);
        CheckArguments(widthUm, heightUm, thicknessUm, sourcePixelUm, glassLevel,
            nucleusDepthSigmaUm);
        RgbImage image = Decode(path);
        return FromImage(image, widthUm, heightUm, thicknessUm, sourcePixelUm, glassLevel,
            nucleusDepthSigmaUm);
    }

    /// <summary>
    /// Builds a section from an image already in memory; arguments as for <see cref="Load"/>.
    /// </summary>
    public static ImageSeededTissueVolume FromImage(
        RgbImage image, double widthUm, double heightUm, double thicknessUm,
        double sourcePixelUm = DefaultSourcePixelUm, double? glassLevel = null,
        double nucleusDepthSigmaUm = DefaultNucleusDepthSigmaUm)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckArguments(widthUm, heightUm, thicknessUm, sourcePixelUm, glassLevel,
            nucleusDepthSigmaUm);
        var glass = glassLevel is { } g
            ? ((float)g, (float)g, (float)g)
            : StainSeparation.EstimateGlass(image, DefaultGlassLevel);
        float[] separated = StainSeparation.Separate(image, glass, out var mean);
        var maps = new StainMapPyramid(separated, image.Width, image.Height);
        return new ImageSeededTissueVolume(maps, widthUm, heightUm, thicknessUm, sourcePixelUm,
            glass, nucleusDepthSigmaUm, mean);
    }

    /// <summary>
    /// Haematoxylin, eosin and DAB amounts summed over depth at (x, y) µm (OD along each
    /// stain's unit vector, dimensionless), by deconvolution of the interpolated OD with
    /// negative amounts clamped to 0; zero outside the tissue area.
    /// </summary>
    public (float Haematoxylin, float Eosin, float Dab) AmountsAt(double xUm, double yUm)
    {
        if (!Inside(xUm, yUm))
        {
            return (0f, 0f, 0f);
        }

        Span<float> m = stackalloc float[StainMapPyramid.Channels];
        _maps.At(0, (xUm / SourcePixelUm) - 0.5, (yUm / SourcePixelUm) - 0.5, m);
        return StainSeparation.Amounts((m[0] * HaemRgb[0]) + m[1], (m[0] * HaemRgb[1]) + m[2],
            (m[0] * HaemRgb[2]) + m[3]);
    }

    /// <inheritdoc/>
    public void SampleRegion(double x0Um, double y0Um, double pitchUm, int w, int h, Span<float> od)
    {
        int plane = w * h;
        int needed = Slices * 3 * plane;
        if (od.Length < needed)
        {
            throw new ArgumentException($"od holds {od.Length} values, needs {needed}", nameof(od));
        }

        int n = Math.Max(w, 1);
        int[] cols = ArrayPool<int>.Shared.Rent(2 * n);
        float[] buf = ArrayPool<float>.Shared.Rent((1 + StainMapPyramid.Channels) * n);
        bool[] inside = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            Span<int> x0 = cols.AsSpan(0, w);
            Span<int> x1 = cols.AsSpan(n, w);
            Span<float> fx = buf.AsSpan(0, w);
            for (int col = 0; col < w; col++)
            {
                double x = x0Um + (col * pitchUm);
                inside[col] = x >= 0 && x <= WidthUm;
                (x0[col], x1[col], fx[col]) = StainMapPyramid.Axis(
                    (x / SourcePixelUm) - 0.5, _maps.Width);
            }

            Span<float> maps = buf.AsSpan(n, StainMapPyramid.Channels * w);
            for (int row = 0; row < h; row++)
            {
                double y = y0Um + (row * pitchUm);
                if (y < 0 || y > HeightUm)
                {
                    for (int p = 0; p < Slices * 3; p++)
                    {
                        od.Slice((p * plane) + (row * w), w).Clear();
                    }

                    continue;
                }

                var ys = StainMapPyramid.Axis((y / SourcePixelUm) - 0.5, _maps.Height);
                _maps.Row(x0, x1, fx, inside.AsSpan(0, w), ys, maps);
                WriteRow(od, plane, row * w, maps);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(cols);
            ArrayPool<float>.Shared.Return(buf);
            ArrayPool<bool>.Shared.Return(inside);
        }
    }

    /// <inheritdoc/>
    public (float Red, float Green, float Blue) SampleCoarse(
        double xUm, double yUm, double footprintUm)
    {
        // 4 × 4 samples over the footprint, read from the pyramid level whose pixels are about a
        // quarter of the footprint, so each sample already averages its share of the area
        const int n = 4;
        int level = 0;
        double cell = SourcePixelUm;
        while (level + 1 < _maps.Levels && cell * 2 <= footprintUm / n)
        {
            level++;
            cell *= 2;
        }

        Span<float> sum = stackalloc float[StainMapPyramid.Channels];
        Span<float> m = stackalloc float[StainMapPyramid.Channels];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double x = xUm + ((((i + 0.5) / n) - 0.5) * footprintUm);
                double y = yUm + ((((j + 0.5) / n) - 0.5) * footprintUm);
                if (!Inside(x, y))
                {
                    continue;
                }

                _maps.At(level, (x / cell) - 0.5, (y / cell) - 0.5, m);
                for (int c = 0; c < m.Length; c++)
                {
                    sum[c] += m[c];
                }
            }
        }

        const float norm = 1f / (n * n);
        return (((sum[0] * HaemRgb[0]) + sum[1]) * norm, ((sum[0] * HaemRgb[1]) + sum[2]) * norm,
            ((sum[0] * HaemRgb[2]) + sum[3]) * norm);
    }

    /// <summary>
    /// Spreads one row of maps into depth: slice s, channel c gets n·H_c·g[s] + rest_c/S, with
    /// g the nuclear depth shares and S the slice count. <paramref name="maps"/> holds four rows
    /// of w values: nuclear amount, rest red, rest green, rest blue.
    /// </summary>
    private void WriteRow(Span<float> od, int plane, int rowStart, ReadOnlySpan<float> maps)
    {
        int w = maps.Length / StainMapPyramid.Channels;
        ReadOnlySpan<float> nuclear = maps[..w];
        int vw = Vector<float>.Count;
        for (int s = 0; s < Slices; s++)
        {
            for (int c = 0; c < 3; c++)
            {
                float kn = HaemRgb[c] * _haemWeights[s];
                float kr = _evenWeights[s];
                ReadOnlySpan<float> rest = maps.Slice((c + 1) * w, w);
                Span<float> dst = od.Slice((((s * 3) + c) * plane) + rowStart, w);
                var vn = new Vector<float>(kn);
                var vr = new Vector<float>(kr);
                int k = 0;
                for (; k <= w - vw; k += vw)
                {
                    ((new Vector<float>(nuclear[k..]) * vn) + (new Vector<float>(rest[k..]) * vr))
                        .CopyTo(dst[k..]);
                }

                for (; k < w; k++)
                {
                    dst[k] = (nuclear[k] * kn) + (rest[k] * kr);
                }
            }
        }
    }

    private static float[] Rgb(Stain s) => [s.Red, s.Green, s.Blue];

    private bool Inside(double x, double y) => x >= 0 && y >= 0 && x <= WidthUm && y <= HeightUm;

    private static RgbImage Decode(string path)
    {
        if (!File.Exists(path))
        {
            throw new TissueImageException(path, "file not found");
        }

        try
        {
            CheckSignature(path);
            return ImageCodec.Decode(path, MaxPixels);
        }
        catch (InvalidDataException ex)
        {
            throw new TissueImageException(path, ex.Message, ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new TissueImageException(path, "file not found", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TissueImageException(path, "file cannot be read (access denied)", ex);
        }
        catch (IOException ex)
        {
            throw new TissueImageException(path, "file cannot be read (I/O error)", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new TissueImageException(path, "not a valid file path", ex);
        }
    }

    /// <summary>
    /// Lets only PNG and JPEG through to the decoder: SkiaSharp would also try GIF, BMP, WebP,
    /// ICO and more, a wider surface for hostile files than the seed needs.
    /// </summary>
    private static void CheckSignature(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int got;
        using (var stream = File.OpenRead(path))
        {
            got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (got == 0)
        {
            throw new InvalidDataException("file is empty (0 bytes)");
        }

        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        ReadOnlySpan<byte> jpeg = [0xFF, 0xD8, 0xFF];
        if (!head[..got].StartsWith(png) && !head[..got].StartsWith(jpeg))
        {
            throw new InvalidDataException("not a readable image (unknown or corrupt format)");
        }
    }

    private static void CheckArguments(
        double widthUm, double heightUm, double thicknessUm, double sourcePixelUm,
        double? glassLevel, double sigmaUm)
    {
        Positive(widthUm, nameof(widthUm), "µm");
        Positive(heightUm, nameof(heightUm), "µm");
        Positive(thicknessUm, nameof(thicknessUm), "µm");
        Positive(sourcePixelUm, nameof(sourcePixelUm), "µm/px");
        Positive(sigmaUm, "nucleusDepthSigmaUm", "µm");
        if (glassLevel is { } g && !(g >= 1 && g <= 255))
        {
            throw new ArgumentOutOfRangeException(nameof(glassLevel), g, string.Create(
                CultureInfo.InvariantCulture,
                $"glassLevel = {g} levels is out of range; expected in [1, 255] levels."));
        }
    }

    private static void Positive(double value, string name, string unit)
    {
        // written as !(x > 0) so that NaN is refused as well
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(
                CultureInfo.InvariantCulture,
                $"{name} = {value} {unit} is out of range; expected > 0 {unit}."));
        }
    }
}
