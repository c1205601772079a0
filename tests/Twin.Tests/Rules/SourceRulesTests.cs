using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Twin.Tests.Rules;

/// <summary>House rules the compiler does not enforce, checked by reading our own source.</summary>
[TestFixture]
public sealed class SourceRulesTests
{
    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), pattern,
            SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    [TestCase("src/Twin.Optics")]
    [TestCase("src/Twin.Mechanics")]
    [TestCase("src/Twin.Scanner")]
    public void SimulationCore_UsesNoWallClockOrUnseededRandom(string folder)
    {
        var banned = new Regex(@"new Random\(\)|Random\.Shared|DateTime\.Now|DateTime\.UtcNow"
            + @"|Environment\.TickCount|Guid\.NewGuid");
        var offenders = Files(folder, "*.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(t => banned.IsMatch(t.line))
            .Select(t => $"{Path.GetRelativePath(RepoPaths.Root, t.f)}:{t.i + 1}")
            .ToList();
        Assert.That(offenders, Is.Empty, "the same scenario and seed must give the same output");
    }

    [Test]
    public void Repository_HoldsNoMachinePaths()
    {
        var machinePath = new Regex(@"(?<![\w.])/(work|root|home)/[A-Za-z]");
        var offenders = new[] { "src", "scenarios", "scripts" }
            .SelectMany(d => Files(d, "*.*"))
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".yaml") || f.EndsWith(".sh"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(t => machinePath.IsMatch(t.line))
            .Select(t => $"{Path.GetRelativePath(RepoPaths.Root, t.f)}:{t.i + 1}")
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Source_NamesNoIssueNumbers()
    {
        var issueRef = new Regex(@"(issue|ticket) ?#?\d+", RegexOptions.IgnoreCase);
        var offenders = Files("src", "*.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(t => issueRef.IsMatch(t.line))
            .Select(t => $"{Path.GetRelativePath(RepoPaths.Root, t.f)}:{t.i + 1}")
            .ToList();
        Assert.That(offenders, Is.Empty);
    }
}
