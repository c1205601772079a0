using NUnit.Framework;

namespace Twin.Tests.Throughput;

/// <summary>Paths in the repository the throughput tests read.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    private static string FindRoot()
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
