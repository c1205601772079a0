using Twin.Scanner.Algorithms;

namespace Twin.Scanner.Session;

/// <summary>
/// One complete pass over a slide's tissue in stripes of one width, with the ANS check's
/// decision left out: the heights the scanner measured per stripe (what any ANS check would
/// judge) and the pass's focus scored against the true surface. Sweeps replay ANS decisions
/// for many thresholds from these without scanning again.
/// </summary>
public sealed record FocusPassRecord
{
    /// <summary>Width of the pass's stripes, pixels.</summary>
    public required int StripePixels { get; init; }

    /// <summary>Stripes in the pass, count.</summary>
    public required int Stripes { get; init; }

    /// <summary>Imaged length of each stripe along the scan axis, µm (whole tiles).</summary>
    public required double StripeLengthUm { get; init; }

    /// <summary>Object-side pixel size, µm (0.26 at 40x, 0.52 at 20x).</summary>
    public required double PixelSizeUm { get; init; }

    /// <summary>
    /// Where tissue finding put the tissue (slide µm); stripe k covers the index-axis band from
    /// Y0Um + k·stripe width, stripes cover X0Um onwards in whole tiles.
    /// </summary>
    public required TissueRegion Region { get; init; }

    /// <summary>
    /// Per stripe, in scan order, the heights the scanner measured itself (focus point and
    /// real-time readings, slide µm): never the truth.
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<FocusSample>> StripeSamples { get; init; }

    /// <summary>True least-squares index-axis tilt of the scanned region, degrees.</summary>
    public double IndexTiltTrueDeg { get; init; }

    /// <summary>RMS of commanded focus minus the true section mid-plane over tissue, µm.</summary>
    public double FocusErrorRmsUm { get; init; }

    /// <summary>Largest |focus error| over tissue, µm.</summary>
    public double FocusErrorMaxUm { get; init; }

    /// <summary>Fraction of tissue sample points within half the depth of field of focus.</summary>
    public double InFocusFraction { get; init; }

    /// <summary>Largest |defocus| at a stripe edge over tissue, µm.</summary>
    public double EdgeDefocusMaxUm { get; init; }

    /// <summary>Focus read-outs in which the controller held, count.</summary>
    public int HeldReadings { get; init; }

    /// <summary>Focus read-outs in total, count.</summary>
    public int Readings { get; init; }

    /// <summary>Depth of field of the scan's optics at 550 nm, µm.</summary>
    public double DepthOfFieldUm { get; init; }
}
