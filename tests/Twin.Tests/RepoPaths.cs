using NUnit.Framework;
namespace Twin.Tests;

/// <summary>Locations in the repository and the built command line, for tests.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the folder holding GT450Twin.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The scenarios folder.</summary>
    public static string Scenarios => Path.Combine(Root, "scenarios");

    /// <summary>The command line's assembly, copied beside the tests.</summary>
    public static string CliDll => Path.Combine(TestContext.CurrentContext.TestDirectory,
        "gt450twin.dll");

    /// <summary>A fresh empty folder under the test output, named for the test.</summary>
    public static string NewOutputFolder(string name)
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "test-output", name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GT450Twin.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException(
            "GT450Twin.sln not found above the test folder");
    }
}
