using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;

namespace Twin.Scenarios.Throughput;

/// <summary>The outcome of one throughput variant: planned slides and the rack run.</summary>
public sealed record VariantResult
{
    /// <summary>The configuration.</summary>
    public required ThroughputVariant Variant { get; init; }

    /// <summary>Every slide as planned, rack by rack in slot order.</summary>
    public required IReadOnlyList<PlannedSlide> Slides { get; init; }

    /// <summary>The carousel run with its per-slide records.</summary>
    public required RackRunResult Run { get; init; }

    /// <summary>
    /// Efficiency of the site's image hop, 1 (framing and protocol), used to turn bytes/s
    /// into the line rate a variant needs.
    /// </summary>
    public required double ImageLinkEfficiency { get; init; }

    /// <summary>Scanned slides per hour, 1/h, until the last slide is done (file stored).</summary>
    public double SlidesPerHour => Run.SlidesPerHour;

    /// <summary>Mean vendor-style scan time of scanned slides, s.</summary>
    public double MeanScanS => Mean(s => s.Budget.ScanS);

    /// <summary>Mean time a scanned slide occupies the scanner, s (stalls excluded).</summary>
    public double MeanSlideS => Mean(s => s.Budget.TotalS);

    /// <summary>Mean file size of scanned slides, bytes.</summary>
    public double MeanFileBytes => Mean(s => s.FileBytes);

    /// <summary>Bytes of all files, bytes.</summary>
    public long TotalFileBytes => Slides.Sum(s => s.FileBytes);

    /// <summary>
    /// Line rate the image hop needs to keep up with the scanner, bit/s: all file bytes over
    /// the scanner's working time, divided by the hop's efficiency (0 without files).
    /// </summary>
    public double LinkNeededBitsPerS =>
        Run.BusyS > 0 ? TotalFileBytes / Run.BusyS / ImageLinkEfficiency * 8 : 0;

    /// <summary>Builds a result and the efficiency of the image hop it is judged against.</summary>
    /// <param name="variant">The configuration.</param>
    /// <param name="slides">Its planned slides.</param>
    /// <param name="run">Its rack run.</param>
    /// <param name="site">The site network (for the hop efficiency).</param>
    public static VariantResult Create(
        ThroughputVariant variant, IReadOnlyList<PlannedSlide> slides, RackRunResult run,
        NetworkParameters site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new VariantResult
        {
            Variant = variant,
            Slides = slides,
            Run = run,
            ImageLinkEfficiency = ProtocolOverhead.Efficiency(site.ImageLink),
        };
    }

    private double Mean(Func<PlannedSlide, double> f)
    {
        var scanned = Slides.Where(s => s.Failure == SlideFailure.None).ToList();
        return scanned.Count > 0 ? scanned.Average(f) : 0;
    }
}
