using Twin.Mechanics.Geometry;
using Twin.Optics.Tissue;

namespace Twin.Scanner.Slides;

/// <summary>
/// Everything the twin knows about one physical slide: its tissue, where the tissue lies on the
/// glass, how the slide sits in the tray, and the seed that makes its noise repeatable.
/// </summary>
public sealed record SlideSpec
{
    /// <summary>Slide identifier (also the file name stem).</summary>
    public required string Id { get; init; }

    /// <summary>The tissue section.</summary>
    public required ITissueVolume Tissue { get; init; }

    /// <summary>Name of the tissue kind, for reports.</summary>
    public required string TissueName { get; init; }

    /// <summary>Slide position of the tissue area's corner along the scan axis, µm.</summary>
    public double TissueOriginXUm { get; init; } = 30_000;

    /// <summary>Slide position of the tissue area's corner along the index axis, µm.</summary>
    public double TissueOriginYUm { get; init; } = 12_000;

    /// <summary>Slide pose in the tray (the hidden truth of its surface).</summary>
    public SlidePose Pose { get; init; } = SlidePose.Level;

    /// <summary>Seed for sensor and axis noise.</summary>
    public ulong Seed { get; init; }
}
