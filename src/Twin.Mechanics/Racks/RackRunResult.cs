namespace Twin.Mechanics.Racks;

/// <summary>Outcome of a rack run: every slide's record and the throughput figures.</summary>
public sealed record RackRunResult
{
    /// <summary>One record per slide loaded, in the order the scanner took them.</summary>
    public required IReadOnlyList<SlideRunRecord> Slides { get; init; }

    /// <summary>Slides scanned, count.</summary>
    public int ScannedCount => Slides.Count(s => s.Status == SlideStatus.Scanned);

    /// <summary>Slides skipped after a failure, count.</summary>
    public int FailedCount => Slides.Count(s => s.Status == SlideStatus.Failed);

    /// <summary>First rack insertion, s: the run's throughput clock starts here.</summary>
    public required double FirstInsertS { get; init; }

    /// <summary>End of the last slide, s.</summary>
    public required double EndS { get; init; }

    /// <summary>Time the scanner was working (slides and carousel moves), s.</summary>
    public required double BusyS { get; init; }

    /// <summary>Carousel moves to present another rack, count.</summary>
    public required int RackIndexMoves { get; init; }

    /// <summary>
    /// Time the last file was stored and registered, s (0 without a network model).
    /// </summary>
    public double FilesDoneS { get; init; }

    /// <summary>Time the image hop needed for all files, s (0 without a network model).</summary>
    public double ImageLinkBusyS { get; init; }

    /// <summary>Time the storage hop needed for all files, s (0 without a network model).</summary>
    public double StorageLinkBusyS { get; init; }

    /// <summary>
    /// Span from the first insertion until the last slide is done, s: back in its slot, and
    /// with a network model, its file stored.
    /// </summary>
    public double SpanS => Math.Max(EndS, FilesDoneS) - FirstInsertS;

    /// <summary>Time the scanner waited for buffer space or the link, all slides, s.</summary>
    public double BufferStallS => Slides.Sum(s => s.BufferStallS);

    /// <summary>Scanned slides per hour over the span, 1/h (0 for an empty run).</summary>
    public double SlidesPerHour => SpanS > 0 ? ScannedCount * 3600.0 / SpanS : 0;

    /// <summary>
    /// Fraction of the span the scanner was working, 1 (0..1; 0 for an empty run).
    /// </summary>
    public double Utilisation => SpanS > 0 ? BusyS / SpanS : 0;

    /// <summary>Fraction of the span the image hop is needed, 1 (0..1).</summary>
    public double ImageLinkUtilisation => SpanS > 0 ? ImageLinkBusyS / SpanS : 0;

    /// <summary>Fraction of the span the storage hop is needed, 1 (0..1).</summary>
    public double StorageLinkUtilisation => SpanS > 0 ? StorageLinkBusyS / SpanS : 0;

    /// <summary>
    /// The resource with the most work in the run (ties go to the scanner, then the image hop).
    /// </summary>
    public Bottleneck Bottleneck =>
        BusyS >= ImageLinkBusyS && BusyS >= StorageLinkBusyS ? Bottleneck.Scanner
        : ImageLinkBusyS >= StorageLinkBusyS ? Bottleneck.ImageLink
        : Bottleneck.StorageLink;
}
