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
    /// The smallest distance the camera resolves, in object-plane pixels: the e/M of the
    /// depth-of-field formula divided by the pixel size. Default 2: a sampled detector resolves
    /// two pixels (Nyquist), and the twin's through-focus simulation agrees: its 20x curves are
    /// wider than its 40x curves by n·(2 px)/NA, not n·(1 px)/NA (see the depth-of-field tests).
    /// </summary>
    public double DetectorResolutionPx { get; init; } = 2.0;

    /// <summary>
    /// Total depth of field, µm: d = λ·n/NA² + n·e/(M·NA) (Nikon MicroscopyU), where e is the
    /// smallest distance the detector in the image plane resolves and M the magnification, so
    /// e/M = <see cref="DetectorResolutionPx"/> × <see cref="PixelSizeUm"/> in the object plane.
    /// </summary>
    /// <param name="wavelengthUm">Wavelength, µm (default 0.55, mid-green).</param>
    public double DepthOfFieldUm(double wavelengthUm = 0.55) =>
        (wavelengthUm * RefractiveIndex / (NumericalAperture * NumericalAperture))
        + (RefractiveIndex * DetectorResolutionPx * PixelSizeUm / NumericalAperture);
}
