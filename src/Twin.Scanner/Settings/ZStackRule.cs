using System.Globalization;

namespace Twin.Scanner.Settings;

/// <summary>
/// The z-stack rules of the release notes applied to resolved settings: layers odd from 3 to 25
/// (1 = no z-stack), separation 0.25 to 1.0 µm, and ANS switched off during z-stack scans even
/// when it is enabled (z-stack scans use point focusing, not real-time focusing).
/// </summary>
/// <remarks>
/// <see cref="ScanSettings"/> does not carry the layers yet; until it does, this is where the
/// rule lives: resolve the rack's settings, then apply the z-stack the rack asks for.
/// </remarks>
public static class ZStackRule
{
    /// <summary>Fewest layers of a z-stack (release notes).</summary>
    public const int MinLayers = 3;

    /// <summary>Most layers of a z-stack (release notes).</summary>
    public const int MaxLayers = 25;

    /// <summary>Smallest layer separation, µm (release notes).</summary>
    public const double MinSeparationUm = 0.25;

    /// <summary>Largest layer separation, µm (release notes).</summary>
    public const double MaxSeparationUm = 1.0;

    /// <summary>True when a layer count is allowed: 1 (no z-stack) or odd from 3 to 25.</summary>
    public static bool IsValidLayers(int layers) =>
        layers == 1 || (layers >= MinLayers && layers <= MaxLayers && layers % 2 == 1);

    /// <summary>
    /// Applies a z-stack to resolved settings. With more than one layer, ANS is off whatever
    /// the scan settings say, and the provenance records why.
    /// </summary>
    /// <param name="settings">Settings from <see cref="SettingsResolver.Resolve"/>.</param>
    /// <param name="layers">Focal planes, count: 1, or odd from 3 to 25.</param>
    /// <param name="separationUm">Distance between planes, µm: 0.25 to 1.0 (ignored for 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">Layers or separation outside the rules.
    /// </exception>
    public static ScanSettings Apply(ScanSettings settings, int layers, double separationUm)
    {
        if (!IsValidLayers(layers))
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers,
                "z-stack layers must be 1 or odd from 3 to 25");
        }

        if (layers > 1 && !(separationUm >= MinSeparationUm && separationUm <= MaxSeparationUm))
        {
            throw new ArgumentOutOfRangeException(nameof(separationUm), separationUm,
                "z-stack layer separation must be 0.25 to 1.0 µm");
        }

        if (layers == 1)
        {
            return settings;
        }

        var provenance = new Dictionary<string, EffectiveSetting>(settings.Provenance)
        {
            ["zStackLayers"] = new(layers.ToString(CultureInfo.InvariantCulture),
                "rack z-stack"),
            ["zStackSeparationUm"] = new(
                separationUm.ToString("0.###", CultureInfo.InvariantCulture), "rack z-stack"),
        };
        if (settings.AnsEnabled)
        {
            provenance["ansEnabled"] = new("false", "rule: ANS is off during z-stack scans");
        }

        return settings with { AnsEnabled = false, Provenance = provenance };
    }
}
