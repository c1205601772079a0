using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Twin.Tests.Optics;

/// <summary>
/// House rules no compiler enforces, read from the optics sources this suite owns (PSFs,
/// rendering, metrics, compute backends): deterministic, short lines, one-line limitations.
/// </summary>
[TestFixture]
public sealed partial class RenderSourceRulesTests
{
    private static readonly string[] Folders = ["Psf", "Rendering", "Metrics", "Compute"];

    private static IEnumerable<string> SourceFiles()
    {
        string optics = Path.Combine(RepoRoot(), "src", "Twin.Optics");
        return Folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(optics, f), "*.cs"))
            .Order(StringComparer.Ordinal);
    }

    [Test]
    public void Sources_Exist_InEveryOwnedFolder()
    {
        Assert.That(SourceFiles().Count(), Is.GreaterThanOrEqualTo(15));
    }

    [Test]
    public void Sources_UseNoUnseededRandomnessOrWallClock()
    {
        string[] banned = ["System.Random", "new Random(", "DateTime.Now", "DateTime.UtcNow",
            "Environment.TickCount", "Stopwatch", "Guid.NewGuid"];
        var hits = SourceFiles().SelectMany(f => File.ReadLines(f).Select((line, i) =>
                (f, i, line)))
            .Where(t => banned.Any(b => t.line.Contains(b, StringComparison.Ordinal)))
            .Select(t => $"{Path.GetFileName(t.f)}:{t.i + 1}: {t.line.Trim()}").ToList();
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public void Sources_LinesFitIn100Columns()
    {
        var hits = SourceFiles().SelectMany(f => File.ReadLines(f).Select((line, i) =>
                (f, i, line)))
            .Where(t => t.line.Length > 100)
            .Select(t => $"{Path.GetFileName(t.f)}:{t.i + 1}").ToList();
        Assert.That(hits, Is.Empty);
    }

    [Test]
    public void Limitations_AreOneLineEach()
    {
        // a LIMITATION comment must not run on into a second comment line (another
        // LIMITATION may follow)
        var hits = new List<string>();
        foreach (string f in SourceFiles())
        {
            string[] lines = File.ReadAllLines(f);
            for (int i = 0; i + 1 < lines.Length; i++)
            {
                if (lines[i].Contains("LIMITATION:", StringComparison.Ordinal)
                    && CommentLine().IsMatch(lines[i + 1])
                    && !lines[i + 1].Contains("LIMITATION:", StringComparison.Ordinal))
                {
                    hits.Add($"{Path.GetFileName(f)}:{i + 1}");
                }
            }
        }

        Assert.That(hits, Is.Empty);
    }

    [GeneratedRegex(@"^\s*//(?!/)")]
    private static partial Regex CommentLine();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GT450Twin.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("GT450Twin.sln not found");
    }
}
