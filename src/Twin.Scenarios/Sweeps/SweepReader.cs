using System.Globalization;
using Twin.Optics.Tissue;
using Twin.Scanner.Algorithms;
using Twin.Scanner.Settings;
using Twin.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Twin.Scenarios.Sweeps;

/// <summary>
/// Reads and validates sweep files. Every error names the file, the line and the rule; all
/// errors are collected before a <see cref="ScenarioException"/> is thrown.
/// </summary>
public static class SweepReader
{
    /// <summary>Most slides a sweep may hold.</summary>
    public const int MaxSlides = 10_000;

    /// <summary>Most thresholds a sweep may evaluate.</summary>
    public const int MaxThresholds = 500;

    /// <summary>Reads a sweep file.</summary>
    public static SweepSpec Load(string path)
    {
        ScenarioReader.RequireFile(path, "sweep");

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, $"cannot read: {e.Message}")]);
        }

        return Parse(text, path);
    }

    /// <summary>Parses sweep text; <paramref name="file"/> names it in messages.</summary>
    public static SweepSpec Parse(string text, string file)
    {
        var errors = new List<ScenarioError>();
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            string message = e.Message;
            int paren = message.IndexOf("):", StringComparison.Ordinal);
            message = (paren >= 0 ? message[(paren + 2)..] : message).Trim();
            throw new ScenarioException([new ScenarioError(file, (int)e.Start.Line,
                $"not valid YAML: {message}")]);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioException([new ScenarioError(file, 1,
                "a sweep must be a mapping with 'name', 'tissue', 'pose' and 'thresholdsDeg'")]);
        }

        var top = new YamlFields(root, file, errors, "sweep", "name", "seed", "slides", "scan",
            "tissue", "pose", "thresholdsDeg", "algorithms");
        string name = top.String("name", required: true) ?? "sweep";
        double? seed = top.Number("seed", 0, 4e15, "");
        int slides = top.Integer("slides", 1, MaxSlides, "slides") ?? 50;

        var spec = new SweepSpec
        {
            Name = name,
            Source = file,
            Seed = (ulong)(seed ?? 450),
            Slides = slides,
            TissueKinds = [TissueKinds.DenseTumour.Name],
            WidthMm = Distribution.Fixed(0.3),
            HeightMm = Distribution.Fixed(1.6),
            OffsetUm = Distribution.Fixed(0),
            TrayIndexTiltDeg = Distribution.Fixed(0),
            TrayScanTiltDeg = Distribution.Fixed(0),
            WedgeIndexDeg = Distribution.Fixed(0),
            WedgeScanDeg = Distribution.Fixed(0),
            WavinessAmplitudeUm = Distribution.Fixed(0),
            WavinessPeriodUm = Distribution.Fixed(2000),
            WavinessPhase = Distribution.Uniform(0, 2 * Math.PI),
            ThresholdsDeg = [0.1],
            FocusAlgorithms = [AlgorithmRegistry.DefaultFocusController],
            AnsAlgorithms = [AlgorithmRegistry.DefaultAnsCheck],
        };
        spec = ReadScan(top.Mapping("scan"), file, errors, spec);
        spec = ReadTissue(top.Mapping("tissue"), file, errors, spec);
        spec = ReadPose(top.Mapping("pose"), file, errors, spec);
        if (top.Node("thresholdsDeg") is { } thresholds)
        {
            spec = spec with { ThresholdsDeg = ReadThresholds(thresholds, top) };
        }
        else
        {
            errors.Add(new ScenarioError(file, top.Line, "sweep needs 'thresholdsDeg'"));
        }

        spec = ReadAlgorithms(top.Mapping("algorithms"), file, errors, spec);
        if (errors.Count > 0)
        {
            throw new ScenarioException(errors.OrderBy(e => e.Line).ToList());
        }

        return spec;
    }

    private static SweepSpec ReadScan(
        YamlMappingNode? node, string file, List<ScenarioError> errors, SweepSpec spec)
    {
        if (node is null)
        {
            return spec;
        }

        var f = new YamlFields(node, file, errors, "scan", "magnification", "narrowStripePixels",
            "focusReadoutLines");
        var mag = spec.Magnification;
        if (f.String("magnification") is { } text)
        {
            if (text is "40x" or "20x")
            {
                mag = text == "40x" ? Magnification.Forty : Magnification.Twenty;
            }
            else
            {
                f.Error(f.Node("magnification")!, $"magnification '{text}' must be 40x or 20x");
            }
        }

        int? narrow = f.Integer("narrowStripePixels", 256, 3840, "pixels");
        if (narrow is { } n && n % 256 != 0)
        {
            f.Error(f.Node("narrowStripePixels")!,
                $"'narrowStripePixels' = {n} must be a multiple of the 256-pixel tile");
            narrow = null;
        }

        int? lines = f.Integer("focusReadoutLines", 4, 256, "lines");
        if (lines is { } l && l % 2 != 0)
        {
            f.Error(f.Node("focusReadoutLines")!, $"'focusReadoutLines' = {l} must be even");
            lines = null;
        }

        return spec with
        {
            Magnification = mag,
            NarrowStripePixels = narrow ?? spec.NarrowStripePixels,
            FocusReadoutLines = lines ?? spec.FocusReadoutLines,
        };
    }

    private static SweepSpec ReadTissue(
        YamlMappingNode? node, string file, List<ScenarioError> errors, SweepSpec spec)
    {
        if (node is null)
        {
            return spec;
        }

        var f = new YamlFields(node, file, errors, "tissue", "kinds", "sections", "widthMm",
            "heightMm");
        var kinds = new List<string>();
        if (f.Sequence("kinds") is { } list)
        {
            foreach (var item in list.Children)
            {
                string? kind = (item as YamlScalarNode)?.Value;
                if (kind is null || TissueKinds.Find(kind) is null)
                {
                    f.Error(item, $"unknown tissue '{kind}' in a sweep (known: "
                        + string.Join(", ", TissueKinds.All.Select(k => k.Name)) + ")");
                    continue;
                }

                kinds.Add(TissueKinds.Find(kind)!.Name);
            }

            if (list.Children.Count == 0)
            {
                f.Error(list, "'kinds' must name at least one tissue kind");
            }
        }

        return spec with
        {
            TissueKinds = kinds.Count > 0 ? kinds : spec.TissueKinds,
            TissueSections = f.Integer("sections", 0, 1000, "sections per kind")
                ?? spec.TissueSections,
            WidthMm = ReadDistribution(f, "widthMm", 0.1, 50, "mm", spec.WidthMm),
            HeightMm = ReadDistribution(f, "heightMm", 0.1, 20, "mm", spec.HeightMm),
        };
    }

    private static SweepSpec ReadPose(
        YamlMappingNode? node, string file, List<ScenarioError> errors, SweepSpec spec)
    {
        if (node is null)
        {
            return spec;
        }

        // the same ranges a scenario's pose allows
        var f = new YamlFields(node, file, errors, "pose", "offsetUm", "trayScanTiltDeg",
            "trayIndexTiltDeg", "wedgeScanDeg", "wedgeIndexDeg", "wavinessAmplitudeUm",
            "wavinessPeriodUm", "wavinessPhase");
        return spec with
        {
            OffsetUm = ReadDistribution(f, "offsetUm", -25, 25, "µm", spec.OffsetUm),
            TrayIndexTiltDeg = ReadDistribution(f, "trayIndexTiltDeg", -1, 1, "degrees",
                spec.TrayIndexTiltDeg),
            TrayScanTiltDeg = ReadDistribution(f, "trayScanTiltDeg", -1, 1, "degrees",
                spec.TrayScanTiltDeg),
            WedgeIndexDeg = ReadDistribution(f, "wedgeIndexDeg", -0.5, 0.5, "degrees",
                spec.WedgeIndexDeg),
            WedgeScanDeg = ReadDistribution(f, "wedgeScanDeg", -0.5, 0.5, "degrees",
                spec.WedgeScanDeg),
            WavinessAmplitudeUm = ReadDistribution(f, "wavinessAmplitudeUm", 0, 10, "µm",
                spec.WavinessAmplitudeUm),
            WavinessPeriodUm = ReadDistribution(f, "wavinessPeriodUm", 100, 100_000, "µm",
                spec.WavinessPeriodUm),
            WavinessPhase = ReadDistribution(f, "wavinessPhase", -10, 10, "radians",
                spec.WavinessPhase),
        };
    }

    /// <summary>
    /// A number (fixed), <c>{ uniform: [low, high] }</c> or <c>{ normal: [mean, sd] }</c>, with
    /// every value checked against the parameter's allowed range.
    /// </summary>
    private static Distribution ReadDistribution(
        YamlFields f, string key, double min, double max, string unit, Distribution fallback)
    {
        fallback = fallback.Within(min, max);
        var node = f.Node(key);
        if (node is null)
        {
            return fallback;
        }

        string range = $"{F(min)}..{F(max)} {unit}";
        if (node is YamlScalarNode)
        {
            return f.Number(key, min, max, unit) is { } v
                ? Distribution.Fixed(v).Within(min, max) : fallback;
        }

        string shape = $"'{key}' must be a number, {{ uniform: [low, high] }} or "
            + $"{{ normal: [mean, sd] }} ({unit})";
        if (node is not YamlMappingNode m || m.Children.Count != 1
            || m.Children.First().Key is not YamlScalarNode kindNode
            || kindNode.Value is not ("uniform" or "normal")
            || m.Children.First().Value is not YamlSequenceNode pair || pair.Children.Count != 2
            || Num(pair.Children[0]) is not { } a || Num(pair.Children[1]) is not { } b)
        {
            f.Error(node, shape);
            return fallback;
        }

        if (kindNode.Value == "uniform")
        {
            if (a > b)
            {
                f.Error(node, $"'{key}' uniform low {F(a)} is above high {F(b)}");
                return fallback;
            }

            if (a < min || b > max)
            {
                f.Error(node, $"'{key}' uniform [{F(a)}, {F(b)}] is outside {range}");
                return fallback;
            }

            return Distribution.Uniform(a, b).Within(min, max);
        }

        if (a < min || a > max)
        {
            f.Error(node, $"'{key}' normal mean {F(a)} is outside {range}");
            return fallback;
        }

        if (b < 0 || b > max - min)
        {
            f.Error(node, $"'{key}' normal sd {F(b)} must be 0 to {F(max - min)} {unit}");
            return fallback;
        }

        return Distribution.Normal(a, b).Within(min, max);
    }

    private static IReadOnlyList<double> ReadThresholds(YamlNode node, YamlFields top)
    {
        var values = new List<double>();
        const string rule = "'thresholdsDeg' must be a list of degrees or "
            + "{ from: A, to: B, step: S }";
        if (node is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (Num(item) is { } v)
                {
                    values.Add(v);
                }
                else
                {
                    top.Error(item, "a threshold must be a number (degrees)");
                }
            }
        }
        else if (node is YamlMappingNode range && range.Children.Count == 3
            && Field(range, "from") is { } from && Field(range, "to") is { } to
            && Field(range, "step") is { } step)
        {
            if (step <= 0 || to < from)
            {
                top.Error(node, "'thresholdsDeg' needs step > 0 and to >= from");
                return [0.1];
            }

            int n = (int)Math.Floor(((to - from) / step) + 1e-9) + 1;
            if (n > MaxThresholds)
            {
                top.Error(node, $"'thresholdsDeg' gives {n} thresholds; at most {MaxThresholds}");
                return [0.1];
            }

            for (int i = 0; i < n; i++)
            {
                values.Add(Math.Round(from + (i * step), 9));
            }
        }
        else
        {
            top.Error(node, rule);
            return [0.1];
        }

        if (values.Count == 0 || values.Count > MaxThresholds)
        {
            top.Error(node, $"'thresholdsDeg' must hold 1 to {MaxThresholds} thresholds");
            return [0.1];
        }

        if (values.Any(v => v < 0.001 || v > 5))
        {
            top.Error(node, "every threshold must be within 0.001..5 degrees");
            return [0.1];
        }

        values.Sort();
        for (int i = 1; i < values.Count; i++)
        {
            if (values[i] == values[i - 1])
            {
                top.Error(node, $"threshold {F(values[i])} is listed twice");
                return [0.1];
            }
        }

        return values;
    }

    private static SweepSpec ReadAlgorithms(
        YamlMappingNode? node, string file, List<ScenarioError> errors, SweepSpec spec)
    {
        if (node is null)
        {
            return spec;
        }

        var f = new YamlFields(node, file, errors, "algorithms", "focus", "ans");
        var focus = Names(f, "focus", AlgorithmRegistry.FocusControllerNames, "focus controller");
        var ans = Names(f, "ans", AlgorithmRegistry.AnsCheckNames, "ANS check");
        return spec with
        {
            FocusAlgorithms = focus ?? spec.FocusAlgorithms,
            AnsAlgorithms = ans ?? spec.AnsAlgorithms,
        };
    }

    private static List<string>? Names(
        YamlFields f, string key, IReadOnlyList<string> known, string what)
    {
        if (f.Sequence(key) is not { } list)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var item in list.Children)
        {
            string? name = (item as YamlScalarNode)?.Value;
            if (name is null || !known.Contains(name))
            {
                f.Error(item, $"unknown {what} '{name}' (known: {string.Join(", ", known)})");
            }
            else if (names.Contains(name))
            {
                f.Error(item, $"{what} '{name}' is listed twice");
            }
            else
            {
                names.Add(name);
            }
        }

        if (list.Children.Count == 0)
        {
            f.Error(list, $"'{key}' must name at least one {what}");
        }

        return names.Count > 0 ? names : null;
    }

    private static double? Field(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? Num(v) : null;

    private static double? Num(YamlNode node) =>
        node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float,
            CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
