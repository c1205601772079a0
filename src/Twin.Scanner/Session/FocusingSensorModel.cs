namespace Twin.Scanner.Session;

/// <summary>
/// The tilted focusing line sensor. It shares the objective with the imaging sensor through a
/// beam splitter and is tilted against the optical axis, so its length spans a range of depths
/// around the imaging plane (depth range ≈ L·sinθ / M², US 9,841,590). Its read-out is grouped into
/// segments, each conjugate to one depth.
/// </summary>
public sealed record FocusingSensorModel
{
    /// <summary>
    /// Fraction of the stripe width (index axis) the focusing sensor covers, centred. Default 1:
    /// the focusing sensor sees the imaging sensor's whole field (US 9,841,590).
    /// </summary>
    public double SpanFraction { get; init; } = 1.0;

    /// <summary>Number of segments the sensor is read in. Default 32 (estimate).</summary>
    public int Segments { get; init; } = 32;

    /// <summary>
    /// Depth range the sensor spans, µm, centred on the imaging plane (the parfocal segment).
    /// Default 12 µm: ±6 µm, several depths of field either side (estimate).
    /// </summary>
    public double DepthRangeUm { get; init; } = 12.0;

    /// <summary>Scan lines per read-out (8 µm of scan at 40x). Default 32 (estimate).</summary>
    public int Lines { get; init; } = 32;

    /// <summary>Times the controller may step the objective to bring the tissue into range.</summary>
    public int MaxHunts { get; init; } = 6;

    /// <summary>The default sensor.</summary>
    public static FocusingSensorModel Default { get; } = new();

    /// <summary>Depth offset of segment i, µm (ascending, zero at the centre).</summary>
    public double OffsetUm(int i) => ((i / (double)(Segments - 1)) - 0.5) * DepthRangeUm;
}
