namespace Twin.Scanner;

/// <summary>
/// Engineer's diagnostics by area, off by default, switched on with the environment variable
/// <c>GT450TWIN_DEBUG</c> holding comma-separated keywords (for example <c>focus,ans</c>).
/// Lines go to standard error, never to the progress display's stream.
/// </summary>
public static class Diagnostics
{
    /// <summary>The areas that can be switched on.</summary>
    public static IReadOnlyList<string> Areas { get; } = ["focus", "ans", "timing"];

    private static readonly HashSet<string> Enabled = Parse(
        Environment.GetEnvironmentVariable("GT450TWIN_DEBUG"));

    /// <summary>Keywords in the variable that name no area (reported by the command line).</summary>
    public static IReadOnlyList<string> Unknown { get; } =
        Split(Environment.GetEnvironmentVariable("GT450TWIN_DEBUG"))
            .Where(k => !Areas.Contains(k)).ToList();

    /// <summary>True when an area's diagnostics are on.</summary>
    public static bool On(string area) => Enabled.Contains(area);

    /// <summary>Writes a line for an area when it is on.</summary>
    public static void Log(string area, Func<string> message)
    {
        if (Enabled.Contains(area))
        {
            Console.Error.WriteLine($"[{area}] {message()}");
        }
    }

    private static HashSet<string> Parse(string? value) =>
        Split(value).Where(Areas.Contains).ToHashSet();

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => k.ToLowerInvariant());
}
