namespace Twin.Optics.Tissue;

/// <summary>
/// The parameters of one procedural tissue kind. Densities are haematoxylin or eosin
/// concentration per µm of path, expressed as optical density per µm (OD/µm), so a path of
/// length L through stain of density d absorbs d·L (Beer–Lambert). Sizes are µm.
/// </summary>
/// <remarks>
/// Sizes follow textbook histology (nuclei 5–10 µm across, adipocytes 50–150 µm); stain
/// densities are estimates tuned so nuclei reach an OD near 1 and stroma near 0.4–0.5, the range
/// measured on H&amp;E slides by colour deconvolution (Ruifrok &amp; Johnston 2001).
/// </remarks>
public sealed record TissueKind
{
    /// <summary>Name used in scenario files.</summary>
    public required string Name { get; init; }

    /// <summary>Default section thickness, µm (sections are 3–5 µm; smears thicker).</summary>
    public double ThicknessUm { get; init; } = 4.0;

    /// <summary>Spacing of the jittered grid that places one candidate nucleus per cell, µm.</summary>
    public double NucleusSpacingUm { get; init; } = 12.0;

    /// <summary>Probability that a grid cell holds a nucleus, 0–1.</summary>
    public double NucleusProbability { get; init; } = 0.7;

    /// <summary>Mean nucleus semi-axis, µm.</summary>
    public double NucleusRadiusUm { get; init; } = 3.0;

    /// <summary>Largest ratio of long to short in-plane nucleus axis (1 = round).</summary>
    public double NucleusElongation { get; init; } = 1.6;

    /// <summary>Haematoxylin density inside nuclei, OD/µm.</summary>
    public double NucleusDensity { get; init; } = 0.25;

    /// <summary>Eosin density of cytoplasm around nuclei, OD/µm.</summary>
    public double CytoplasmDensity { get; init; } = 0.06;

    /// <summary>Cytoplasm extent as a multiple of the nucleus radius.</summary>
    public double CytoplasmScale { get; init; } = 1.9;

    /// <summary>Eosin density of stroma between cells, OD/µm.</summary>
    public double StromaDensity { get; init; } = 0.10;

    /// <summary>Depth of the fibre texture of stroma, 0–1.</summary>
    public double FibreContrast { get; init; } = 0.5;

    /// <summary>Fraction of the area that is fat (empty adipocytes), 0–1.</summary>
    public double FatFraction { get; init; }

    /// <summary>Adipocyte diameter, µm.</summary>
    public double FatCellUm { get; init; } = 70.0;

    /// <summary>Fraction of the tissue area that is holes or vessel lumens, 0–1.</summary>
    public double HoleFraction { get; init; } = 0.05;

    /// <summary>Probability that the section carries one fold (a band of doubled tissue).</summary>
    public double FoldProbability { get; init; } = 0.3;

    /// <summary>Width of a band of densely packed nuclei along one edge (epidermis), µm; 0 = none.</summary>
    public double EpidermisUm { get; init; }

    /// <summary>True when cells are scattered on glass (a smear) rather than forming a sheet.</summary>
    public bool Scattered { get; init; }
}
