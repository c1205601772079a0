namespace Twin.Optics.Tissue;

/// <summary>The built-in tissue kinds, selectable by name in scenario files.</summary>
public static class TissueKinds
{
    /// <summary>Densely packed tumour cells with little stroma.</summary>
    public static TissueKind DenseTumour { get; } = new()
    {
        Name = "dense-tumour", NucleusSpacingUm = 9.0, NucleusProbability = 0.85,
        NucleusRadiusUm = 3.4, NucleusDensity = 0.28, StromaDensity = 0.07,
        HoleFraction = 0.03,
    };

    /// <summary>Loose fibrous stroma with sparse spindle-shaped nuclei.</summary>
    public static TissueKind LooseStroma { get; } = new()
    {
        Name = "loose-stroma", NucleusSpacingUm = 22.0, NucleusProbability = 0.55,
        NucleusRadiusUm = 2.4, NucleusElongation = 3.0, StromaDensity = 0.11,
        FibreContrast = 0.8, HoleFraction = 0.08, CytoplasmDensity = 0.02,
    };

    /// <summary>Breast tissue dominated by fat, with fibrous septa and scattered ducts.</summary>
    public static TissueKind FattyBreast { get; } = new()
    {
        Name = "fatty-breast", NucleusSpacingUm = 16.0, NucleusProbability = 0.5,
        NucleusRadiusUm = 2.8, StromaDensity = 0.09, FatFraction = 0.65, FatCellUm = 80.0,
        HoleFraction = 0.02,
    };

    /// <summary>A cytology smear: scattered single cells in a thicker layer.</summary>
    public static TissueKind CytologySmear { get; } = new()
    {
        Name = "cytology-smear", ThicknessUm = 8.0, NucleusSpacingUm = 18.0,
        NucleusProbability = 0.35, NucleusRadiusUm = 3.8, NucleusDensity = 0.22,
        CytoplasmDensity = 0.05, CytoplasmScale = 2.4, StromaDensity = 0.0, HoleFraction = 0.0,
        FoldProbability = 0.0, Scattered = true,
    };

    /// <summary>Skin: a dense epidermis along one edge over fibrous dermis.</summary>
    public static TissueKind Skin { get; } = new()
    {
        Name = "skin", NucleusSpacingUm = 20.0, NucleusProbability = 0.5,
        NucleusRadiusUm = 2.8, StromaDensity = 0.13, FibreContrast = 0.7,
        EpidermisUm = 120.0, HoleFraction = 0.04,
    };

    /// <summary>Every built-in kind.</summary>
    public static IReadOnlyList<TissueKind> All { get; } =
        [DenseTumour, LooseStroma, FattyBreast, CytologySmear, Skin];

    /// <summary>Finds a kind by name, or null.</summary>
    public static TissueKind? Find(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
