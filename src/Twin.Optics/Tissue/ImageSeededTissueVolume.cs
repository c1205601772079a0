using System.Buffers;
using System.Globalization;
using Twin.Optics.Imaging;
using Twin.Optics.Stains;

namespace Twin.Optics.Tissue;

/// <summary>
/// A tissue section seeded from a real RGB micrograph (PNG or JPEG). The image is split into
/// haematoxylin, eosin and DAB amounts by colour deconvolution (Ruifrok &amp; Johnston 2001)
/// once, at load; each pixel's amounts are then extruded into depth: haematoxylin (nuclei) in a
/// Gaussian about mid-section, eosin and DAB spread evenly through the thickness. The OD summed
/// over depth equals the OD measured in the image, so an in-focus render gives back roughly the
/// source colours, and defocus blurs nuclei more than the evenly spread stains.
/// </summary>
/// <remarks>
/// Lateral mapping: source pixel (i, j) has its centre at ((i + ½)·p, (j + ½)·p) µm in the
/// section frame, p = <see cref="SourcePixelUm"/>; values between centres are bilinear. An area
/// larger than the image is covered by mirror tiling. Outside [0, width] × [0, height] µm the
/// section is glass (OD 0).
/// </remarks>
// LIMITATION: mirror tiling repeats the source, so a large area shows mirrored seams and copies.
// LIMITATION: colours outside the H/E/DAB cone lose their negative amounts (clamped to 0).
// LIMITATION: every nucleus shares one depth profile; no per-nucleus depth or knife-cut caps.
// LIMITATION: source levels are taken as linear transmission; sRGB gamma and ICC are ignored.
// LIMITATION: the source's own blur, noise and JPEG artefacts are carried into the section.
public sealed class ImageSeededTissueVolume : ITissueVolume
{
    /// <summary>Source image scale used when none is given, µm per pixel. Default 0.5.</summary>
    // source: estimate. A 20x scan is ~0.5 µm/px; the demo image (scikit-image's ihc.png) comes
    // with no stated scale, and its nuclei (~15-20 px across) fit 0.4-0.6 µm/px.
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

    /// <summary>Largest source image accepted, pixels (64 Mpx, about 1 GiB of maps).</summary>
    // source: design limit; 64 Mpx at 0.5 µm/px is 4 mm × 4 mm, far beyond what one tile needs,
    // and it bounds the memory a hostile header can ask for before decoding starts.
    public const long MaxPixels = 64L * 1024 * 1024;

    // depth slices no thicker than 1 µm, as in ProceduralTissueVolume (finer than the ~1.3 µm
    // depth of field at 40x/0.75)
    private const double SliceUmMax = 1.0;

    private readonly ConcentrationPyramid _maps;
    private readonly float[] _haemWeights;
    private readonly float[] _evenWeights;

    private ImageSeededTissueVolume(
        ConcentrationPyramid maps, double widthUm, double heightUm, double thicknessUm,
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
    /// Mean stain amounts over the source image: OD along each stain's unit vector
    /// (dimensionless, summed over depth).
    /// </summary>
    public (float Haematoxylin, float Eosin, float Dab) MeanAmounts { get; }

    /// <summary>Share of a column's haematoxylin in each depth slice (sums to 1).</summary>
    public IReadOnlyList<float> HaematoxylinSliceWeights => _haemWeights;

    /// <summary>Share of a column's eosin and DAB in each depth slice (1/Slices each).</summary>
    public IReadOnlyList<float> EvenSliceWeights => _evenWeights;

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
        float[] amounts = StainSeparation.Separate(image, glass, out var mean);
        var maps = new ConcentrationPyramid(amounts, image.Width, image.Height);
        return new ImageSeededTissueVolume(maps, widthUm, heightUm, thicknessUm, sourcePixelUm,
            glass, nucleusDepthSigmaUm, mean);
    }

    /// <summary>
    /// Haematoxylin, eosin and DAB amounts summed over depth at (x, y) µm (OD along each
    /// stain's unit vector, dimensionless); zero outside the tissue area.
    /// </summary>
    public (float Haematoxylin, float Eosin, float Dab) AmountsAt(double xUm, double yUm)
    {
        if (!Inside(xUm, yUm))
        {
            return (0f, 0f, 0f);
        }

        return _maps.At(0, (xUm / SourcePixelUm) - 0.5, (yUm / SourcePixelUm) - 0.5);
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

        od[..needed].Clear();
        var xs = ArrayPool<(int, int, float)>.Shared.Rent(Math.Max(w, 1));
        var inX = ArrayPool<bool>.Shared.Rent(Math.Max(w, 1));
        try
        {
            for (int col = 0; col < w; col++)
            {
                double x = x0Um + (col * pitchUm);
                inX[col] = x >= 0 && x <= WidthUm;
                xs[col] = ConcentrationPyramid.Axis((x / SourcePixelUm) - 0.5, _maps.Width);
            }

            for (int row = 0; row < h; row++)
            {
                double y = y0Um + (row * pitchUm);
                if (y < 0 || y > HeightUm)
                {
                    continue;
                }

                var ys = ConcentrationPyramid.Axis((y / SourcePixelUm) - 0.5, _maps.Height);
                FillRow(od, plane, row * w, w, xs, inX, ys);
            }
        }
        finally
        {
            ArrayPool<(int, int, float)>.Shared.Return(xs);
            ArrayPool<bool>.Shared.Return(inX);
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

        float h = 0f, e = 0f, d = 0f;
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

                var a = _maps.At(level, (x / cell) - 0.5, (y / cell) - 0.5);
                h += a.H;
                e += a.E;
                d += a.D;
            }
        }

        const float norm = 1f / (n * n);
        h *= norm;
        e *= norm;
        d *= norm;
        Stain hs = Stain.Haematoxylin, es = Stain.Eosin, ds = Stain.Dab;
        return ((h * hs.Red) + (e * es.Red) + (d * ds.Red),
            (h * hs.Green) + (e * es.Green) + (d * ds.Green),
            (h * hs.Blue) + (e * es.Blue) + (d * ds.Blue));
    }

    private void FillRow(
        Span<float> od, int plane, int rowStart, int w, (int, int, float)[] xs, bool[] inX,
        (int I0, int I1, float F) ys)
    {
        Stain hs = Stain.Haematoxylin, es = Stain.Eosin, ds = Stain.Dab;
        int slices = Slices;
        for (int col = 0; col < w; col++)
        {
            if (!inX[col])
            {
                continue;
            }

            var (ah, ae, ad) = _maps.At(xs[col], ys);
            if (ah == 0f && ae == 0f && ad == 0f)
            {
                continue;
            }

            // nuclear OD and evenly spread OD of the whole column, per channel
            float nr = ah * hs.Red, ng = ah * hs.Green, nb = ah * hs.Blue;
            float er = (ae * es.Red) + (ad * ds.Red);
            float eg = (ae * es.Green) + (ad * ds.Green);
            float eb = (ae * es.Blue) + (ad * ds.Blue);
            int p = rowStart + col;
            for (int s = 0; s < slices; s++)
            {
                float wn = _haemWeights[s];
                float we = _evenWeights[s];
                int b = (s * 3 * plane) + p;
                od[b] = (nr * wn) + (er * we);
                od[b + plane] = (ng * wn) + (eg * we);
                od[b + (2 * plane)] = (nb * wn) + (eb * we);
            }
        }
    }

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
