using Twin.Optics.Imaging;

namespace Twin.Scanner.Algorithms;

/// <summary>Finds the tissue on a slide's macro image.</summary>
public interface ITissueFinder
{
    /// <summary>Name used to select this finder in a scenario.</summary>
    string Name { get; }

    /// <summary>
    /// Returns the tissue region in slide µm, or null when the slide shows no tissue.
    /// </summary>
    /// <param name="macro">The macro image.</param>
    /// <param name="pixelUm">Macro pixel size, µm.</param>
    /// <param name="labelLengthUm">Length of the label area to ignore, µm.</param>
    TissueRegion? Find(RgbImage macro, double pixelUm, double labelLengthUm);
}
