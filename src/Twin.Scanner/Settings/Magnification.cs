namespace Twin.Scanner.Settings;

/// <summary>Scan magnification: 40x (0.26 µm/pixel, factory default) or 20x (0.52 µm/pixel).</summary>
public enum Magnification
{
    /// <summary>40x, 0.26 µm/pixel.</summary>
    Forty = 40,

    /// <summary>20x, 0.52 µm/pixel.</summary>
    Twenty = 20,
}
