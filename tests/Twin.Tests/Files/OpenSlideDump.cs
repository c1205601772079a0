using System.Text.Json;
using NUnit.Framework;

namespace Twin.Tests.Files;

/// <summary>
/// What OpenSlide's Python binding reads from a slide: detected format, properties, level
/// sizes, every level's pixels and every associated image's pixels (interleaved RGB).
/// </summary>
internal sealed class OpenSlideDump
{
    private const string Script = """
        import json, os, sys
        try:
            import openslide
        except ImportError:
            print('python3-openslide is missing', file=sys.stderr)
            sys.exit(3)
        path, out = sys.argv[1], sys.argv[2]
        s = openslide.OpenSlide(path)
        levels = []
        for k in range(s.level_count):
            w, h = s.level_dimensions[k]
            img = s.read_region((0, 0), k, (w, h)).convert('RGB')
            with open(os.path.join(out, 'level%d.rgb' % k), 'wb') as f:
                f.write(img.tobytes())
            levels.append([w, h])
        assoc = {}
        for name, img in s.associated_images.items():
            img = img.convert('RGB')
            with open(os.path.join(out, 'assoc-%s.rgb' % name), 'wb') as f:
                f.write(img.tobytes())
            assoc[name] = list(img.size)
        print(json.dumps({
            'format': openslide.OpenSlide.detect_format(path),
            'properties': dict(s.properties),
            'levels': levels,
            'associated': assoc}))
        """;

    private readonly string folder;

    private OpenSlideDump(string folder, JsonElement json)
    {
        this.folder = folder;
        Format = json.GetProperty("format").GetString() ?? "";
        Properties = json.GetProperty("properties").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        Levels = [.. json.GetProperty("levels").EnumerateArray()
            .Select(a => (a[0].GetInt32(), a[1].GetInt32()))];
        Associated = json.GetProperty("associated").EnumerateObject()
            .ToDictionary(p => p.Name, p => (p.Value[0].GetInt32(), p.Value[1].GetInt32()));
    }

    /// <summary>Format name OpenSlide detected ("aperio").</summary>
    public string Format { get; }

    /// <summary>All OpenSlide properties.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Level sizes in pixels, level 0 first.</summary>
    public IReadOnlyList<(int Width, int Height)> Levels { get; }

    /// <summary>Associated images by name with their sizes in pixels.</summary>
    public IReadOnlyDictionary<string, (int Width, int Height)> Associated { get; }

    /// <summary>Reads <paramref name="slidePath"/>, writing pixel dumps beside it.</summary>
    public static OpenSlideDump Read(string slidePath)
    {
        string folder = slidePath + ".dump";
        Directory.CreateDirectory(folder);
        var result = ExternalTool.Run(
            ExternalTool.Python(), "python3-openslide", "-c", Script, slidePath, folder);
        if (result.ExitCode == 3)
        {
            Assert.Fail($"{ExternalTool.Python()} cannot import openslide; "
                + "install the Debian package python3-openslide");
        }

        Assert.That(result.ExitCode, Is.Zero, "OpenSlide failed to read the slide: "
            + result.StdErr);
        using var doc = JsonDocument.Parse(result.StdOut);
        return new OpenSlideDump(folder, doc.RootElement.Clone());
    }

    /// <summary>Pixels of level <paramref name="level"/> as OpenSlide decodes them.</summary>
    public byte[] LevelPixels(int level) =>
        File.ReadAllBytes(Path.Combine(folder, $"level{level}.rgb"));

    /// <summary>Pixels of the associated image <paramref name="name"/>.</summary>
    public byte[] AssociatedPixels(string name) =>
        File.ReadAllBytes(Path.Combine(folder, $"assoc-{name}.rgb"));
}
