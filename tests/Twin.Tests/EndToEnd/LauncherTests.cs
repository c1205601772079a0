using System.Diagnostics;
using System.Runtime.Versioning;
using NUnit.Framework;

namespace Twin.Tests.EndToEnd;

/// <summary>
/// The <c>./gt450twin</c> launcher rebuilds only when a source is newer than its last build: a
/// copy of it runs in a fake repository with a stand-in <c>dotnet</c> that logs its calls.
/// </summary>
[TestFixture]
[UnsupportedOSPlatform("windows")]
public sealed class LauncherTests
{
    [Test]
    public void Launcher_GeneratedSourceUnderObjIsNewer_DoesNotRebuild()
    {
        string root = FakeRepository("launcher-obj");
        Touch(Path.Combine(root, "src", "Twin.Scenarios", "obj", "Release", "net10.0",
            "gt450twin.AssemblyInfo.cs"));
        Touch(Path.Combine(root, "src", "Twin.Scenarios", "bin", "Release", "net10.0",
            "Generated.cs"));
        Assert.That(RunLauncher(root), Has.None.StartsWith("build "));
    }

    [Test]
    public void Launcher_SourceIsNewer_Rebuilds()
    {
        string root = FakeRepository("launcher-source");
        Touch(Path.Combine(root, "src", "Twin.Scenarios", "Cli", "NewCommand.cs"));
        Assert.That(RunLauncher(root), Has.Some.StartsWith("build "));
    }

    /// <summary>A repository holding the launcher, a built command line and an old stamp.</summary>
    private static string FakeRepository(string name)
    {
        string root = RepoPaths.NewOutputFolder(name);
        File.Copy(Path.Combine(RepoPaths.Root, "gt450twin"), Path.Combine(root, "gt450twin"));
        string release = Path.Combine(root, "src", "Twin.Scenarios", "bin", "Release");
        Touch(Path.Combine(release, "net10.0", "gt450twin.dll"));
        Touch(Path.Combine(root, "Directory.Build.props"));
        Touch(Path.Combine(root, "scenarios", "demo-rack.yaml"));
        Touch(Path.Combine(root, ".cache", ".ihc-tried"));
        string stamp = Path.Combine(release, ".built");
        Touch(stamp);
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (string f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(f, old);
        }

        string fakeBin = Path.Combine(root, "fake-bin");
        Directory.CreateDirectory(fakeBin);
        string dotnet = Path.Combine(fakeBin, "dotnet");
        File.WriteAllText(dotnet, "#!/bin/sh\necho \"$*\" >> \"$FAKE_DOTNET_LOG\"\n");
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite
            | UnixFileMode.UserExecute);
        return root;
    }

    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
    }

    /// <summary>Runs <c>gt450twin --help</c> there; returns the stand-in dotnet's calls.</summary>
    private static string[] RunLauncher(string root)
    {
        string log = Path.Combine(root, "dotnet.log");
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(root, "gt450twin"));
        psi.ArgumentList.Add("--help");
        psi.Environment["PATH"] = Path.Combine(root, "fake-bin") + ":"
            + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["FAKE_DOTNET_LOG"] = log;
        using var process = Process.Start(psi)!;
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);
        Assert.That(process.ExitCode, Is.EqualTo(0));
        return File.ReadAllLines(log);
    }
}
