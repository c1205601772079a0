namespace Twin.Scenarios.Cli;

/// <summary>
/// Checks an <c>--out</c> folder before any work starts: it must be a folder (created when
/// missing) that the program can write to.
/// </summary>
public static class OutputFolder
{
    /// <summary>Returns null when the folder is usable, else the message to print.</summary>
    public static string? Check(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "--out must name a folder";
        }

        if (File.Exists(path))
        {
            return $"--out {path} is a file, not a folder";
        }

        try
        {
            Directory.CreateDirectory(path);
            string probe = Path.Combine(path, ".gt450twin-write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException
            or ArgumentException or NotSupportedException)
        {
            return $"--out {path} cannot be written: {e.Message}";
        }
    }
}
