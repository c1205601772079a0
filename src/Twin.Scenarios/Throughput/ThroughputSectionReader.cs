using System.Globalization;
using Twin.Mechanics.Network;
using Twin.Mechanics.Racks;
using Twin.Scenarios.Loading;
using Twin.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// Reads a scenario's <c>throughput:</c> section into <see cref="ThroughputSettings"/>. Every
/// error names the file, the line and the rule; all errors are collected.
/// </summary>
internal static class ThroughputSectionReader
{
    private static readonly string[] LinkKeys =
    [
        "gigabitsPerS", "roundTripMs", "mtuBytes", "windowKiB", "messageBytes",
        "setupRoundTrips", "cipherMBPerS",
    ];

    /// <summary>Reads the section; <paramref name="node"/> null gives the defaults.</summary>
    public static ThroughputSettings Read(
        YamlNode? node, string file, Scenario scenario, List<ScenarioError> errors)
    {
        var settings = ThroughputSettings.Default;
        if (node is null)
        {
            return settings;
        }

        if (node is not YamlMappingNode m)
        {
            errors.Add(new ScenarioError(file, YamlFields.LineOf(node),
                "'throughput' must be a mapping of keys to values"));
            return settings;
        }

        var f = new YamlFields(m, file, errors, "throughput",
            "loading", "failures", "ans", "zStack", "files", "network", "linkSweepGigabitsPerS");
        settings = ReadLoading(f.Mapping("loading"), file, scenario, errors, settings);
        settings = ReadFailures(f.Mapping("failures"), file, scenario, errors, settings);
        if (f.Mapping("ans") is { } ans)
        {
            var a = new YamlFields(ans, file, errors, "throughput.ans",
                "rescanRate", "abortAfterStripes");
            settings = settings with
            {
                AnsRescanRate = a.Number("rescanRate", 0, 1, "(fraction)")
                    ?? settings.AnsRescanRate,
                AnsAbortAfterStripes = a.Integer("abortAfterStripes", 2, 1000, "stripes")
                    ?? settings.AnsAbortAfterStripes,
            };
        }

        if (f.Mapping("zStack") is { } z)
        {
            var zf = new YamlFields(z, file, errors, "throughput.zStack",
                "layers", "focusPointSpacingMm");
            int? layers = zf.Integer("layers", 1, 25, "layers");
            if (layers is { } l && l != 1 && l % 2 == 0)
            {
                zf.Error(zf.Node("layers")!,
                    $"'layers' = {l} must be 1 or an odd number from 3 to 25");
                layers = null;
            }

            settings = settings with
            {
                ZLayers = layers ?? settings.ZLayers,
                FocusPointSpacingMm = zf.Number("focusPointSpacingMm", 0.5, 50, "mm")
                    ?? settings.FocusPointSpacingMm,
            };
        }

        if (f.Mapping("files") is { } files)
        {
            var ff = new YamlFields(files, file, errors, "throughput.files",
                "bytesPerPixel40x", "bytesPerPixel20x", "pyramidFraction");
            settings = settings with
            {
                Files = settings.Files with
                {
                    FineBytesPerPixel = ff.Number("bytesPerPixel40x", 0.001, 10, "B/px")
                        ?? settings.Files.FineBytesPerPixel,
                    CoarseBytesPerPixel = ff.Number("bytesPerPixel20x", 0.001, 10, "B/px")
                        ?? settings.Files.CoarseBytesPerPixel,
                    PyramidFraction = ff.Number("pyramidFraction", 0, 1, "(fraction)")
                        ?? settings.Files.PyramidFraction,
                },
            };
        }

        settings = ReadNetwork(f.Mapping("network"), file, errors, settings);
        if (f.Sequence("linkSweepGigabitsPerS") is { } sweep)
        {
            var rates = new List<double>();
            foreach (var item in sweep.Children)
            {
                if (item is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float,
                        CultureInfo.InvariantCulture, out double g) && g >= 0.001 && g <= 400)
                {
                    rates.Add(g * 1e9);
                }
                else
                {
                    f.Error(item, "'linkSweepGigabitsPerS' entries must be numbers in "
                        + "0.001..400 Gb/s");
                }
            }

            if (rates.Count is 0 or > 8)
            {
                f.Error(sweep, "'linkSweepGigabitsPerS' must list 1 to 8 line rates");
            }
            else
            {
                settings = settings with { LinkSweepBitsPerS = rates };
            }
        }

        return settings;
    }

    private static ThroughputSettings ReadLoading(
        YamlMappingNode? node, string file, Scenario scenario, List<ScenarioError> errors,
        ThroughputSettings settings)
    {
        if (node is null)
        {
            return settings;
        }

        var f = new YamlFields(node, file, errors, "throughput.loading", "intervalS", "racks");
        var at = new Dictionary<string, double>(StringComparer.Ordinal);
        if (f.Mapping("racks") is { } racks)
        {
            var known = scenario.Racks.Select(r => r.Id).ToList();
            var rf = new YamlFields(racks, file, errors, "throughput.loading.racks",
                [.. known]);
            foreach (string id in known)
            {
                if (rf.Number(id, 0, 7 * 86_400, "s") is { } t)
                {
                    at[id] = t;
                }
            }
        }

        return settings with
        {
            LoadIntervalS = f.Number("intervalS", 0, 86_400, "s") ?? settings.LoadIntervalS,
            RackLoadAtS = at,
        };
    }

    private static ThroughputSettings ReadFailures(
        YamlMappingNode? node, string file, Scenario scenario, List<ScenarioError> errors,
        ThroughputSettings settings)
    {
        if (node is null)
        {
            return settings;
        }

        var ids = scenario.Racks.SelectMany(r => r.Slides).Select(s => s.Id)
            .ToHashSet(StringComparer.Ordinal);
        var failures = new Dictionary<string, SlideFailure>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Children)
        {
            string id = (key as YamlScalarNode)?.Value ?? "";
            if (!ids.Contains(id))
            {
                errors.Add(new ScenarioError(file, YamlFields.LineOf(key),
                    $"'throughput.failures' names slide '{id}', which is in no rack"));
                continue;
            }

            string? kind = (value as YamlScalarNode)?.Value;
            SlideFailure? failure = kind switch
            {
                "barcode-unreadable" => SlideFailure.BarcodeUnreadable,
                "no-tissue" => SlideFailure.NoTissueFound,
                _ => null,
            };
            if (failure is { } fail)
            {
                failures[id] = fail;
            }
            else
            {
                errors.Add(new ScenarioError(file, YamlFields.LineOf(value),
                    $"failure '{kind}' of slide '{id}' must be barcode-unreadable or no-tissue"));
            }
        }

        return settings with { Failures = failures };
    }

    private static ThroughputSettings ReadNetwork(
        YamlMappingNode? node, string file, List<ScenarioError> errors,
        ThroughputSettings settings)
    {
        if (node is null)
        {
            return settings;
        }

        var f = new YamlFields(node, file, errors, "throughput.network",
            "localBufferGB", "converterMBPerS", "metadataBytes", "imageLink", "storageLink",
            "metadataLink");
        NetworkParameters n = settings.Network;
        double? bufferGb = f.Number("localBufferGB", 0.001, 100_000, "GB");
        double? converter = f.Number("converterMBPerS", 0.1, 1e6, "MB/s");
        n = n with
        {
            LocalBufferBytes = bufferGb is { } gb ? (long)Math.Round(gb * 1e9) : n.LocalBufferBytes,
            ConverterBytesPerS = converter is { } c ? c * 1e6 : n.ConverterBytesPerS,
            MetadataBytesPerSlide = f.Integer("metadataBytes", 0, 1 << 30, "B")
                ?? n.MetadataBytesPerSlide,
            ImageLink = ReadLink(f.Mapping("imageLink"), "imageLink", n.ImageLink, file, errors),
            StorageLink = ReadLink(
                f.Mapping("storageLink"), "storageLink", n.StorageLink, file, errors),
            MetadataLink = ReadLink(
                f.Mapping("metadataLink"), "metadataLink", n.MetadataLink, file, errors),
        };
        return settings with { Network = n };
    }

    private static LinkParameters ReadLink(
        YamlMappingNode? node, string name, LinkParameters link, string file,
        List<ScenarioError> errors)
    {
        if (node is null)
        {
            return link;
        }

        var f = new YamlFields(node, file, errors, "throughput.network." + name, LinkKeys);
        double? gbps = f.Number("gigabitsPerS", 0.001, 400, "Gb/s");
        double? rttMs = f.Number("roundTripMs", 0, 10_000, "ms");
        int? windowKiB = f.Integer("windowKiB", 1, 1 << 20, "KiB");
        double? cipher = f.Number("cipherMBPerS", 0.1, 1e6, "MB/s");
        return link with
        {
            BitsPerS = gbps is { } g ? g * 1e9 : link.BitsPerS,
            RoundTripS = rttMs is { } r ? r * 1e-3 : link.RoundTripS,
            MtuBytes = f.Integer("mtuBytes", 576, 65_535, "B") ?? link.MtuBytes,
            WindowBytes = windowKiB is { } w ? w * 1024 : link.WindowBytes,
            MessageBytes = f.Integer("messageBytes", 512, 1 << 30, "B") ?? link.MessageBytes,
            SetupRoundTrips = f.Integer("setupRoundTrips", 0, 100, "round trips")
                ?? link.SetupRoundTrips,
            CipherBytesPerS = cipher is { } c ? c * 1e6 : link.CipherBytesPerS,
        };
    }
}
