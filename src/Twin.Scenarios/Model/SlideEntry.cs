using Twin.Mechanics.Geometry;

namespace Twin.Scenarios.Model;

/// <summary>One slide as the scenario describes it.</summary>
public sealed record SlideEntry
{
    /// <summary>Slide identifier, unique in the scenario; the file name stem.</summary>
    public required string Id { get; init; }

    /// <summary>Tissue kind name, or "image" for a section seeded from a real image.</summary>
    public required string Tissue { get; init; }

    /// <summary>For "image" tissue: path of the RGB micrograph (relative to the scenario).</summary>
    public string? ImagePath { get; init; }

    /// <summary>Source image pixel size, µm/pixel (image tissue). Default 0.5 (estimate).</summary>
    public double ImagePixelUm { get; init; } = 0.5;

    /// <summary>Tissue area along the scan axis, mm.</summary>
    public double WidthMm { get; init; } = 1.2;

    /// <summary>Tissue area along the index axis, mm.</summary>
    public double HeightMm { get; init; } = 2.0;

    /// <summary>Section thickness, µm; null takes the tissue kind's default.</summary>
    public double? ThicknessUm { get; init; }

    /// <summary>How the slide sits in its tray.</summary>
    public SlidePose Pose { get; init; } = SlidePose.Level;

    /// <summary>Line in the scenario file where the slide is described (for messages).</summary>
    public int Line { get; init; }
}
