namespace Twin.Scanner.Algorithms;

/// <summary>
/// Where tissue finding says tissue lies, in slide µm: a bounding box and a coarse mask on the
/// macro grid (true = tissue) used to choose focus points.
/// </summary>
public sealed record TissueRegion(
    double X0Um, double Y0Um, double X1Um, double Y1Um, bool[,] Mask, double MaskPixelUm)
{
    /// <summary>True when the macro pixel containing (x, y) µm holds tissue.</summary>
    public bool IsTissue(double xUm, double yUm)
    {
        int px = (int)(xUm / MaskPixelUm);
        int py = (int)(yUm / MaskPixelUm);
        return px >= 0 && py >= 0 && px < Mask.GetLength(0) && py < Mask.GetLength(1)
            && Mask[px, py];
    }
}
