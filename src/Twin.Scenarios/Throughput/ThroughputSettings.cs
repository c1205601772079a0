using Twin.Mechanics.Files;
using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// What a throughput run needs beyond the scenario's racks and slides: when racks are loaded,
/// which slides fail, the ANS rescan rate, z-stack layers, file sizes and the site network.
/// Read from the scenario's optional <c>throughput:</c> section; every value has a default.
/// </summary>
public sealed record ThroughputSettings
{
    /// <summary>The defaults below (used for a scenario without a throughput section).</summary>
    public static ThroughputSettings Default { get; } = new();

    /// <summary>
    /// Time the operator offers each named rack, s from the run start. Racks not named here
    /// are offered at their index × <see cref="LoadIntervalS"/>. Default none.
    /// </summary>
    // source: scenario input, no physical default.
    public IReadOnlyDictionary<string, double> RackLoadAtS { get; init; } =
        new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Interval between rack offers for continuous loading, s: rack k (0-based, file order) is
    /// offered at k × interval. Default 0 (every rack at the start).
    /// </summary>
    // source: scenario input; 0 puts the whole carousel in at once, as in the vendor's figure.
    public double LoadIntervalS { get; init; }

    /// <summary>Slides the scanner will fail on, by slide id. Default none.</summary>
    // source: scenario input.
    public IReadOnlyDictionary<string, SlideFailure> Failures { get; init; } =
        new Dictionary<string, SlideFailure>(StringComparer.Ordinal);

    /// <summary>
    /// Fraction of slides an enabled ANS rescans in narrow stripes, 1 (0..1). Default 0.1.
    /// </summary>
    // source: estimate. No published rate; a tenth of routine slides tilting beyond a 0.1°
    // threshold is taken as a starting point. `gt450twin sweep` measures it per threshold.
    public double AnsRescanRate { get; init; } = 0.1;

    /// <summary>
    /// Stripes of the first pass scanned before ANS decides to rescan, count (≥ 2). Default 2.
    /// </summary>
    // source: the built-in neighbour-stripe check needs two stripes for its first tilt
    // estimate (Twin.Scanner NeighbourStripeAnsCheck); a tilted slide trips at the first pair.
    public int AnsAbortAfterStripes { get; init; } = 2;

    /// <summary>Z layers of the scenario run, count (1, or odd 3..25). Default 1.</summary>
    // source: vendor release notes: z-stack layers are odd, 3 to 25; 1 = no z-stack.
    public int ZLayers { get; init; } = 1;

    /// <summary>
    /// Spacing of the point-focus grid on z-stack scans, mm (one point per cell). Default 5 mm.
    /// </summary>
    // source: estimate. Z-stacks use point focusing (release notes); a 5 mm grid gives 9
    // points on a 15 mm x 15 mm area, enough for a plane plus gentle curvature.
    public double FocusPointSpacingMm { get; init; } = 5;

    /// <summary>Compressed bytes per pixel and pyramid overhead of the files.</summary>
    // source: Twin.Mechanics FileSizeParameters (measured on this twin's SVS writer).
    public FileSizeParameters Files { get; init; } = FileSizeParameters.Default;

    /// <summary>The site network the files leave over.</summary>
    // source: Twin.Mechanics NetworkParameters (vendor IT guide for ports and protocols;
    // rates are estimates).
    public NetworkParameters Network { get; init; } = NetworkParameters.Default;

    /// <summary>
    /// Line rates of the image and storage hops the z-stack sweep is repeated at, bit/s.
    /// Default 100 Mb/s, 1 Gb/s, 10 Gb/s.
    /// </summary>
    // source: the common Ethernet rates of lab networks.
    public IReadOnlyList<double> LinkSweepBitsPerS { get; init; } = [1e8, 1e9, 1e10];

    /// <summary>
    /// Time rack <paramref name="index"/> (0-based) with the given id is offered, s.
    /// </summary>
    /// <param name="rackId">Rack identifier.</param>
    /// <param name="index">Position of the rack in the scenario, 0-based.</param>
    public double LoadAtS(string rackId, int index) =>
        RackLoadAtS.TryGetValue(rackId, out double at) ? at : index * LoadIntervalS;
}
