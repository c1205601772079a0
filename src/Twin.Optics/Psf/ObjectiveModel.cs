namespace Twin.Optics.Psf;

/// <summary>
/// The imaging optics of one scan magnification: object-side pixel size, numerical aperture and
/// the refractive index of the space in front of the lens.
/// </summary>
public sealed record ObjectiveModel
{
    /// <summary>Apparent magnification written into files (40 or 20).</summary>
    public required int AppMag { get; init; }

    /// <summary>Pixel size in the object (slide) plane, µm/pixel.</summary>
    public required double PixelSizeUm { get; init; }

    /// <summary>
    /// Numerical aperture. Default 0.75: the scanner images through a 20x/0.75 Plan Apo objective
    /// and reaches 40x with a 2x magnification changer, so both magnifications share the NA
    /// (vendor specification sheet; unverified).
    /// </summary>
    public double NumericalAperture { get; init; } = 0.75;

    /// <summary>Refractive index between objective and coverslip (1.0: a dry objective).</summary>
    public double RefractiveIndex { get; init; } = 1.0;

    /// <summary>40x: 0.26 µm/pixel (GT 450 release notes).</summary>
    public static ObjectiveModel Forty { get; } = new() { AppMag = 40, PixelSizeUm = 0.26 };

    /// <summary>20x: 0.52 µm/pixel (GT 450 release notes).</summary>
    public static ObjectiveModel Twenty { get; } = new() { AppMag = 20, PixelSizeUm = 0.52 };

    /// <summary>
    /// Centre wavelengths of the camera's red, green and blue channels, µm (typical Bayer or
    /// trilinear colour filter peaks; estimate).
    /// </summary>
    public static IReadOnlyList<double> ChannelWavelengthsUm { get; } = [0.610, 0.540, 0.465];

    /// <summary>
    /// Total depth of field, µm: d = λ·n/NA² + n·e/(M·NA), where e/M is the smallest resolvable
    /// detail the detector imposes in the object plane, here one pixel (Nikon MicroscopyU).
    /// </summary>
    public double DepthOfFieldUm(double wavelengthUm = 0.55) =>
        (wavelengthUm * RefractiveIndex / (NumericalAperture * NumericalAperture))
        + (RefractiveIndex * PixelSizeUm / NumericalAperture);
}
