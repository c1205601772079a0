namespace Twin.Scanner.Settings;

/// <summary>
/// Combines the lab admin's scanner defaults with a rack's operator overrides: the rack's
/// magnification ("scan at 40x" / "scan at 20x") wins over the scanner's "default to 20x"
/// setting; ANS and its threshold are scanner-level settings the operator cannot override.
/// </summary>
public static class SettingsResolver
{
    /// <summary>Resolves one rack's effective settings.</summary>
    /// <param name="defaultTo20x">The scanner's "default to 20x scanning" setting.</param>
    /// <param name="rackOverride">The rack's magnification override, or null.</param>
    /// <param name="ansEnabled">ANS switch in the scan settings.</param>
    /// <param name="ansThresholdDeg">ANS threshold, degrees (service setting).</param>
    /// <param name="narrowStripePixels">Narrow stripe width, pixels.</param>
    /// <param name="jpegQuality">JPEG quality.</param>
    /// <param name="output">Output formats ("svs" or "svs+dicom").</param>
    /// <param name="zStack">The rack's z-stack (admin defaults or operator values), or null.</param>
    /// <param name="zStackSource">Where the z-stack's values came from, for the report.</param>
    public static ScanSettings Resolve(
        bool defaultTo20x, Magnification? rackOverride, bool ansEnabled, double ansThresholdDeg,
        int narrowStripePixels, int jpegQuality, string output = "svs",
        ZStackSettings? zStack = null, string zStackSource = "rack override")
    {
        var magnification = rackOverride
            ?? (defaultTo20x ? Magnification.Twenty : Magnification.Forty);
        string magSource = rackOverride is null
            ? (defaultTo20x ? "scanner default (default to 20x: on)"
                : "scanner default (default to 20x: off)")
            : "rack override";
        var provenance = new Dictionary<string, EffectiveSetting>
        {
            ["magnification"] = new(Label(magnification), magSource),
            ["ansEnabled"] = zStack is null
                ? new(ansEnabled ? "true" : "false", "scan settings (lab admin)")
                : new("false", "rule: ANS is off during z-stack scans"),
            ["focusing"] = zStack is null
                ? new("real-time", "rule: normal scans focus in real time")
                : new("point focusing", "rule: z-stack scans use point focusing"),
            ["ansThresholdDeg"] = new(
                ansThresholdDeg.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                "service setting"),
            ["narrowStripePixels"] = new(
                narrowStripePixels.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "service setting"),
            ["output"] = new(output, "scan settings (lab admin)"),
        };
        if (zStack is not null)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            provenance["zStackLayers"] = new(zStack.Layers.ToString(inv), zStackSource);
            provenance["zStackSeparationUm"] = new(zStack.SeparationUm.ToString(inv),
                zStackSource);
        }

        return new ScanSettings
        {
            Magnification = magnification,
            AnsEnabled = ansEnabled && zStack is null,
            ZStack = zStack,
            AnsThresholdDeg = ansThresholdDeg,
            NarrowStripePixels = narrowStripePixels,
            JpegQuality = jpegQuality,
            Provenance = provenance,
        };
    }

    /// <summary>"40x" or "20x".</summary>
    public static string Label(Magnification m) => m == Magnification.Forty ? "40x" : "20x";
}
