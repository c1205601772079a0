using System.Globalization;

namespace Twin.Scanner.Files.Dicom;

/// <summary>
/// The GT 450 release 1.3 rule for the optional DICOM output: it is not compatible with 20x
/// scanning, z-stack scans or ANS (release notes), and such a scan must be refused, not
/// silently produced. The messages are stable: tests and the console assert them exactly.
/// </summary>
public static class DicomRules
{
    /// <summary>Broken when the scan is at 20x.</summary>
    public const string TwentyX = "DICOM output is not available for 20x scans";

    /// <summary>Broken when the scan has more than one z layer.</summary>
    public const string ZStack = "DICOM output is not available for z-stack scans";

    /// <summary>Broken when Auto Narrow Stripe is enabled.</summary>
    public const string Ans = "DICOM output is not available with ANS enabled";

    /// <summary>
    /// Returns the rules a DICOM scan with these settings breaks, in the order 20x, z-stack,
    /// ANS; empty when DICOM output is allowed.
    /// </summary>
    /// <param name="appMag">Scan magnification: 20 or 40.</param>
    /// <param name="zLayers">
    /// Number of focal planes: 1 for a normal scan, 3..25 for z-stack.
    /// </param>
    /// <param name="ansEnabled">Whether ANS is enabled for the scan.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="appMag"/> is not 20 or 40, or <paramref name="zLayers"/> is below 1.
    /// </exception>
    public static IReadOnlyList<string> Check(int appMag, int zLayers, bool ansEnabled)
    {
        if (appMag != 20 && appMag != 40)
        {
            throw new ArgumentOutOfRangeException(
                nameof(appMag),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"appMag = {appMag} is out of range; allowed 20 or 40"));
        }

        if (zLayers < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(zLayers),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"zLayers = {zLayers} is out of range; allowed 1 or more"));
        }

        var broken = new List<string>(3);
        if (appMag == 20)
        {
            broken.Add(TwentyX);
        }

        if (zLayers > 1)
        {
            broken.Add(ZStack);
        }

        if (ansEnabled)
        {
            broken.Add(Ans);
        }

        return broken;
    }
}
