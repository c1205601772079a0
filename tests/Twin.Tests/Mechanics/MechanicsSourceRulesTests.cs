using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Twin.Tests.Mechanics;

/// <summary>
/// House rules no compiler enforces, read from the Twin.Mechanics sources: plain C# with no
/// package, deterministic, every model parameter with a stated source, lines within 100 columns.
/// </summary>
[TestFixture]
public sealed partial class MechanicsSourceRulesTests
{
    private static readonly char Sep = Path.DirectorySeparatorChar;

    private static readonly string SourceDir = Path.Combine(RepoRoot(), "src", "Twin.Mechanics");

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Sep}obj{Sep}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Sources_Exist_AtLeastTheTimingAndRackModels()
    {
        Assert.That(SourceFiles().Count(), Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void Project_References_NoPackageAndNoProject()
    {
        string csproj = File.ReadAllText(Path.Combine(SourceDir, "Twin.Mechanics.csproj"));
        Assert.That(csproj, Does.Not.Contain("PackageReference"));
        Assert.That(csproj, Does.Not.Contain("ProjectReference"));
    }

    [Test]
    public void Sources_UseNoUnseededRandomnessOrWallClock()
    {
        string[] banned = ["System.Random", "new Random(", "DateTime.Now", "DateTime.UtcNow",
            "Environment.TickCount", "Stopwatch"];
        var offenders = SourceFiles()
            .SelectMany(f => banned
                .Where(b => File.ReadAllText(f).Contains(b, StringComparison.Ordinal))
                .Select(b => $"{Path.GetFileName(f)}: {b}"))
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Sources_LinesAtMost100Columns()
    {
        var offenders = SourceFiles()
            .SelectMany(f => File.ReadAllLines(f)
                .Select((line, i) => (line, i))
                .Where(t => t.line.Length > 100)
                .Select(t => $"{Path.GetFileName(f)}:{t.i + 1}"))
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [TestCase("Timing/MechanicsParameters.cs")]
    [TestCase("Racks/CarouselParameters.cs")]
    [TestCase("Network/LinkParameters.cs")]
    [TestCase("Network/NetworkParameters.cs")]
    [TestCase("Files/FileSizeParameters.cs")]
    public void ParameterRecord_EveryParameter_HasSourceComment(string relativePath)
    {
        string[] lines = File.ReadAllLines(Path.Combine(SourceDir, relativePath));
        var missing = new List<string>();
        int found = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            Match m = InitProperty().Match(lines[i]);
            if (!m.Success || lines[i].Contains(" static ", StringComparison.Ordinal))
            {
                continue;
            }

            found++;

            // the comment block right above the property must name its source
            int j = i - 1;
            bool sourced = false;
            while (j >= 0 && lines[j].TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                sourced |= lines[j].Contains("// source:", StringComparison.Ordinal);
                j--;
            }

            if (!sourced)
            {
                missing.Add(m.Groups[1].Value);
            }
        }

        Assert.That(found, Is.GreaterThanOrEqualTo(3), "parameters recognised");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Limitations_EachIsOneLine()
    {
        // a LIMITATION comment says its piece on one line; a continuation would start with //
        var offenders = SourceFiles()
            .SelectMany(f =>
            {
                string[] lines = File.ReadAllLines(f);
                return lines
                    .Select((line, i) => (line, i))
                    .Where(t => t.line.Contains("// LIMITATION:", StringComparison.Ordinal)
                        && t.i + 1 < lines.Length
                        && lines[t.i + 1].TrimStart().StartsWith("//", StringComparison.Ordinal)
                        && !lines[t.i + 1].TrimStart().StartsWith("///", StringComparison.Ordinal))
                    .Select(t => $"{Path.GetFileName(f)}:{t.i + 1}");
            })
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [GeneratedRegex(@"^\s+public\s+[\w<>?]+\s+(\w+)\s*\{\s*get;\s*init;\s*\}")]
    private static partial Regex InitProperty();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GT450Twin.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName
            ?? throw new DirectoryNotFoundException("GT450Twin.sln not found above the tests.");
    }
}
