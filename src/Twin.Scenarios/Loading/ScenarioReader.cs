using System.Globalization;
using System.Reflection;
using Twin.Mechanics.Geometry;
using Twin.Optics.Tissue;
using Twin.Scanner.Files.Dicom;
using Twin.Scanner.Settings;
using Twin.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Twin.Scenarios.Loading;

/// <summary>
/// Reads and validates scenario files. Every error names the file, the line and the rule; all
/// errors are collected before a <see cref="ScenarioException"/> is thrown.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Name of the scenario built into the program.</summary>
    public const string EmbeddedDemo = "demo-rack.yaml";

    /// <summary>Largest scenario file accepted, bytes.</summary>
    public const long MaxBytes = 4 << 20;

    /// <summary>Reads a scenario file.</summary>
    public static Scenario Load(string path)
    {
        RequireFile(path, "scenario");

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, $"cannot read: {e.Message}")]);
        }

        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(text, path, dir);
    }

    /// <summary>Reads the embedded demo scenario; relative paths resolve from the working folder.</summary>
    public static Scenario LoadEmbeddedDemo()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(EmbeddedDemo)
            ?? throw new InvalidOperationException("embedded demo scenario missing from build");
        using var reader = new StreamReader(stream);
        // the launcher names its checkout, so the demo finds .cache/ihc.png from any folder
        string home = Environment.GetEnvironmentVariable("GT450TWIN_HOME") is { Length: > 0 } h
            && Directory.Exists(h) ? h : Directory.GetCurrentDirectory();
        return Parse(reader.ReadToEnd(), "embedded:" + EmbeddedDemo, home);
    }

    /// <summary>Parses scenario text; <paramref name="file"/> names it in messages.</summary>
    public static Scenario Parse(string text, string file, string baseDirectory)
    {
        var errors = new List<ScenarioError>();
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScenarioException([new ScenarioError(file, (int)e.Start.Line,
                $"not valid YAML: {Clean(e.Message)}")]);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioException([new ScenarioError(file, 1,
                "a scenario must be a mapping with 'name' and 'racks'")]);
        }

        if (yaml.Documents.Count > 1)
        {
            throw new ScenarioException([new ScenarioError(file,
                YamlFields.LineOf(yaml.Documents[1].RootNode),
                "a scenario file holds one YAML document")]);
        }

        var top = new YamlFields(root, file, errors, "scenario",
            "name", "seed", "acquiredAt", "scanner", "racks", "throughput");
        string name = top.String("name", required: true) ?? "unnamed";
        ulong? seed = null;
        if (top.Node("seed") is { } seedNode)
        {
            if (seedNode is YamlScalarNode { Style: ScalarStyle.Plain } sv && ulong.TryParse(
                    sv.Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong sd)
                && sd <= 4_000_000_000_000_000UL)
            {
                seed = sd;
            }
            else
            {
                top.Error(seedNode, "'seed' must be a whole number from 0 to 4000000000000000");
            }
        }
        DateTime acquired = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        if (top.Node("acquiredAt") is YamlScalarNode at)
        {
            if (DateTime.TryParse(at.Value, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            {
                acquired = t;
            }
            else
            {
                top.Error(at, "'acquiredAt' must be a date and time like 2026-12-04T09:00:00Z");
            }
        }

        var scanner = ReadScanner(top.Mapping("scanner"), file, errors, top);
        var racks = new List<RackSpec>();
        // slide ids name files: compared without case, since some file systems ignore it
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (top.Sequence("racks", required: true) is { } rackList)
        {
            if (rackList.Children.Count == 0)
            {
                top.Error(rackList, "'racks' must hold at least one rack");
            }

            if (rackList.Children.Count > 15)
            {
                top.Error(rackList, "the scanner holds at most 15 racks");
            }

            var rackIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var node in rackList.Children)
            {
                if (node is YamlMappingNode rm && rm.Children.TryGetValue(
                        new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode rid
                    && rid.Value is { } rackId)
                {
                    if (rackIds.TryGetValue(rackId, out int first))
                    {
                        top.Error(idNode, $"rack id '{rackId}' is already used on line {first}");
                    }
                    else
                    {
                        rackIds[rackId] = YamlFields.LineOf(idNode);
                    }
                }

                if (ReadRack(node, file, errors, ids, baseDirectory, scanner.ZStackDefaults)
                    is { } rack)
                {
                    racks.Add(rack);
                }
            }
        }

        if (scanner.Dicom)
        {
            int outputLine = (root.Children.TryGetValue(new YamlScalarNode("scanner"), out var sn)
                && sn is YamlMappingNode sm && sm.Children.TryGetValue(
                    new YamlScalarNode("output"), out var on)) ? YamlFields.LineOf(on) : 0;
            foreach (var rack in racks)
            {
                var mag = rack.Magnification ?? (scanner.DefaultTo20x ? Magnification.Twenty
                    : Magnification.Forty);
                int layers = rack.ZStack?.Layers ?? 1;
                bool ans = scanner.AnsEnabled && rack.ZStack is null;
                foreach (string rule in DicomRules.Check((int)mag, layers, ans))
                {
                    int line = rule == DicomRules.Ans ? outputLine : rack.Line;
                    errors.Add(new ScenarioError(file, line, $"{rule} (rack '{rack.Id}')"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioException(errors.OrderBy(e => e.Line).ToList());
        }

        return new Scenario
        {
            Name = name,
            Source = file,
            BaseDirectory = baseDirectory,
            Seed = seed ?? 450,
            AcquiredAt = acquired,
            Scanner = scanner,
            Racks = racks,
        };
    }

    private static ScannerConfig ReadScanner(
        YamlMappingNode? node, string file, List<ScenarioError> errors, YamlFields parent)
    {
        if (node is null)
        {
            return new ScannerConfig();
        }

        var f = new YamlFields(node, file, errors, "scanner",
            "id", "defaultTo20x", "ans", "jpegQuality", "jpegSubsampling", "output",
            "predictFileSize", "zStack");
        var config = new ScannerConfig
        {
            Id = f.String("id") ?? "GT450-TWIN-01",
            DefaultTo20x = f.Boolean("defaultTo20x") ?? false,
            JpegQuality = f.Integer("jpegQuality", 30, 100, "") ?? 91,
        };
        if (f.String("output") is { } output)
        {
            if (output is not ("svs" or "svs+dicom"))
            {
                f.Error(f.Node("output")!, $"output '{output}' is not supported (known: svs, "
                    + "svs+dicom)");
            }

            config = config with { Dicom = output == "svs+dicom" };
        }

        config = config with { PredictFileSize = f.Boolean("predictFileSize") ?? true };
        if (f.String("jpegSubsampling") is { } sub)
        {
            if (sub is not ("4:2:0" or "4:4:4"))
            {
                f.Error(f.Node("jpegSubsampling")!,
                    $"jpegSubsampling '{sub}' must be 4:2:0 or 4:4:4");
            }

            config = config with { ChromaSubsampling = sub == "4:4:4" ? 1 : 2 };
        }
        if (f.Mapping("zStack") is { } z)
        {
            config = config with
            {
                ZStackDefaults = ReadZStack(z, file, errors, config.ZStackDefaults),
            };
        }

        if (f.Mapping("ans") is { } ans)
        {
            var a = new YamlFields(ans, file, errors, "scanner.ans",
                "enabled", "thresholdDeg", "narrowStripePixels");
            int? narrow = a.Integer("narrowStripePixels", 256, 4096, "pixels");
            if (narrow is { } n && n % 256 != 0)
            {
                a.Error(a.Node("narrowStripePixels")!,
                    $"'narrowStripePixels' = {n} must be a multiple of the 256-pixel tile");
                narrow = null;
            }

            config = config with
            {
                AnsEnabled = a.Boolean("enabled") ?? false,
                AnsThresholdDeg = a.Number("thresholdDeg", 0.001, 5, "degrees") ?? 0.1,
                NarrowStripePixels = narrow ?? 1024,
            };
        }

        return config;
    }

    private static ZStackSettings ReadZStack(
        YamlMappingNode node, string file, List<ScenarioError> errors, ZStackSettings defaults)
    {
        var f = new YamlFields(node, file, errors, "zStack", "layers", "separationUm");
        int layers = f.Integer("layers", 1, 99, "") ?? defaults.Layers;
        double separation = f.Number("separationUm", 0, 10, "µm") ?? defaults.SeparationUm;
        foreach (string rule in ZStackSettings.Check(layers, separation))
        {
            f.Error(node, rule);
        }

        return new ZStackSettings(layers, separation);
    }

    private static RackSpec? ReadRack(
        YamlNode node, string file, List<ScenarioError> errors, Dictionary<string, int> ids,
        string baseDirectory, ZStackSettings defaults)
    {
        if (node is not YamlMappingNode m)
        {
            errors.Add(new ScenarioError(file, YamlFields.LineOf(node), "a rack must be a mapping"));
            return null;
        }

        var f = new YamlFields(m, file, errors, "rack", "id", "magnification", "zStack",
            "slides");
        string id = f.String("id", required: true) ?? "rack";
        Magnification? mag = null;
        if (f.String("magnification") is { } text)
        {
            mag = text switch
            {
                "40x" => Magnification.Forty,
                "20x" => Magnification.Twenty,
                _ => null,
            };
            if (mag is null)
            {
                f.Error(f.Node("magnification")!, $"magnification '{text}' must be 40x or 20x");
            }
        }

        ZStackSettings? zStack = null;
        string zSource = "rack override";
        if (f.Node("zStack") is { } zn)
        {
            if (zn is YamlScalarNode { Value: "true" or "false" } flag)
            {
                zStack = flag.Value == "true" ? defaults : null;
                zSource = "lab admin default";
            }
            else if (zn is YamlMappingNode zm)
            {
                zStack = ReadZStack(zm, file, errors, defaults);
            }
            else
            {
                f.Error(zn, "'zStack' must be true, false, or { layers: N, separationUm: S }");
            }
        }

        var slides = new List<SlideEntry>();
        if (f.Sequence("slides", required: true) is { } list)
        {
            if (list.Children.Count is 0 or > 30)
            {
                f.Error(list, "a rack holds 1 to 30 slides");
            }

            foreach (var s in list.Children)
            {
                if (ReadSlide(s, file, errors, ids, baseDirectory) is { } slide)
                {
                    slides.Add(slide);
                }
            }
        }

        return new RackSpec
        {
            Id = id, Magnification = mag, Slides = slides, Line = f.Line, ZStack = zStack,
            ZStackSource = zSource,
        };
    }

    private static SlideEntry? ReadSlide(
        YamlNode node, string file, List<ScenarioError> errors, Dictionary<string, int> ids,
        string baseDirectory)
    {
        if (node is not YamlMappingNode m)
        {
            errors.Add(new ScenarioError(file, YamlFields.LineOf(node), "a slide must be a mapping"));
            return null;
        }

        var f = new YamlFields(m, file, errors, "slide", "id", "tissue", "image", "imagePixelUm",
            "widthMm", "heightMm", "thicknessUm", "pose");
        string id = f.String("id", required: true) ?? "slide";
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
        {
            f.Error(f.Node("id") ?? m, $"slide id '{id}' must be 1-64 letters, digits, '.', '_' "
                + "or '-', starting with a letter or digit");
        }
        else if (ids.TryGetValue(id, out int firstLine))
        {
            f.Error(f.Node("id")!, $"slide id '{id}' is already used on line {firstLine}");
        }
        else
        {
            ids[id] = f.Line;
        }

        string tissue = f.String("tissue", required: true) ?? "dense-tumour";
        string? image = f.String("image");
        if (tissue == "image")
        {
            if (image is null)
            {
                f.Error(m, "a slide with tissue 'image' needs 'image' (a PNG or JPEG path)");
            }
        }
        else if (TissueKinds.Find(tissue) is null)
        {
            f.Error(f.Node("tissue")!, $"unknown tissue '{tissue}' (known: image, "
                + string.Join(", ", TissueKinds.All.Select(k => k.Name)) + ")");
        }

        return new SlideEntry
        {
            Id = id,
            Tissue = tissue,
            ImagePath = image is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, image)),
            ImagePixelUm = f.Number("imagePixelUm", 0.05, 50, "µm") ?? 0.5,
            WidthMm = f.Number("widthMm", 0.1, 50, "mm") ?? 1.2,
            HeightMm = f.Number("heightMm", 0.1, 20, "mm") ?? 2.0,
            ThicknessUm = f.Number("thicknessUm", 1, 20, "µm"),
            Pose = ReadPose(f.Mapping("pose"), file, errors),
            Line = f.Line,
        };
    }

    private static SlidePose ReadPose(YamlMappingNode? node, string file, List<ScenarioError> errors)
    {
        if (node is null)
        {
            return SlidePose.Level;
        }

        var f = new YamlFields(node, file, errors, "pose", "offsetUm", "trayScanTiltDeg",
            "trayIndexTiltDeg", "wedgeScanDeg", "wedgeIndexDeg", "wavinessAmplitudeUm",
            "wavinessPeriodUm", "wavinessPhase");
        return new SlidePose
        {
            OffsetUm = f.Number("offsetUm", -25, 25, "µm") ?? 0,
            TrayScanTiltDeg = f.Number("trayScanTiltDeg", -1, 1, "degrees") ?? 0,
            TrayIndexTiltDeg = f.Number("trayIndexTiltDeg", -1, 1, "degrees") ?? 0,
            WedgeScanDeg = f.Number("wedgeScanDeg", -0.5, 0.5, "degrees") ?? 0,
            WedgeIndexDeg = f.Number("wedgeIndexDeg", -0.5, 0.5, "degrees") ?? 0,
            WavinessAmplitudeUm = f.Number("wavinessAmplitudeUm", 0, 10, "µm") ?? 0,
            WavinessPeriodUm = f.Number("wavinessPeriodUm", 100, 100_000, "µm") ?? 2000,
            WavinessPhase = f.Number("wavinessPhase", -10, 10, "radians") ?? 0,
        };
    }

    /// <summary>
    /// Throws a <see cref="ScenarioException"/> unless <paramref name="path"/> is a file small
    /// enough to read: a folder, a missing file and an oversized one each say so.
    /// </summary>
    /// <param name="path">The file as given.</param>
    /// <param name="kind">What the file should be, for the message ("scenario", "sweep").</param>
    public static void RequireFile(string path, string kind)
    {
        if (Directory.Exists(path))
        {
            throw new ScenarioException([new ScenarioError(path, 0,
                $"is a folder, not a {kind} file")]);
        }

        if (!File.Exists(path))
        {
            throw new ScenarioException([new ScenarioError(path, 0, "file not found")]);
        }

        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new ScenarioException([new ScenarioError(path, 0,
                $"file is larger than {MaxBytes} bytes")]);
        }
    }

    private static string Clean(string message)
    {
        int paren = message.IndexOf("):", StringComparison.Ordinal);
        return (paren >= 0 ? message[(paren + 2)..] : message).Trim();
    }
}
