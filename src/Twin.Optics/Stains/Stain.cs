namespace Twin.Optics.Stains;

/// <summary>
/// A stain's optical density per unit concentration in the red, green and blue channels
/// (unit vector, dimensionless). Values from Ruifrok &amp; Johnston, "Quantification of
/// histochemical staining by color deconvolution", Anal Quant Cytol Histol 23:291 (2001).
/// </summary>
public sealed record Stain(string Name, float Red, float Green, float Blue)
{
    /// <summary>Haematoxylin: blue-purple, binds nuclear chromatin.</summary>
    public static Stain Haematoxylin { get; } = Normalised("haematoxylin", 0.650f, 0.704f, 0.286f);

    /// <summary>Eosin: pink, binds cytoplasm and collagen.</summary>
    public static Stain Eosin { get; } = Normalised("eosin", 0.072f, 0.990f, 0.105f);

    /// <summary>DAB (diaminobenzidine): brown immunohistochemistry chromogen.</summary>
    public static Stain Dab { get; } = Normalised("DAB", 0.268f, 0.570f, 0.776f);

    private static Stain Normalised(string name, float r, float g, float b)
    {
        float n = MathF.Sqrt((r * r) + (g * g) + (b * b));
        return new Stain(name, r / n, g / n, b / n);
    }
}
