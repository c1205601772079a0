namespace Twin.Scenarios.Cli;

/// <summary>
/// Checks where a command will write before any work starts: an <c>--out</c> folder must be a
/// folder (created when missing) that the program can write to, and a file option such as
/// <c>--json FILE</c> must not be a folder and must sit in such a folder. Every message names
/// the path the user gave and the rule it breaks.
/// </summary>
public static class OutputFolder
{
    private const string ProbeName = ".gt450twin-write-test";

    /// <summary>Returns null when the folder is usable, else the message to print.</summary>
    /// <param name="path">The <c>--out</c> folder as given.</param>
    /// <param name="files">
    /// Names of the files the command will write into the folder; none may be a folder there.
    /// </param>
    public static string? Check(string? path, IEnumerable<string>? files = null)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "--out must name a folder";
        }

        if (File.Exists(path))
        {
            return $"--out {path} is a file, not a folder";
        }

        string? reason = Probe(path) ?? files?
            .Where(name => Directory.Exists(Path.Combine(path, name)))
            .Select(name => $"{Path.Combine(path, name)} is a folder, not a file")
            .FirstOrDefault();
        return reason is null ? null : $"--out {path} cannot be written: {reason}";
    }

    /// <summary>
    /// Checks a file that <paramref name="option"/> names: it must not be a folder, and its
    /// folder (created when missing) must be writable. Returns null when usable, else the
    /// message to print.
    /// </summary>
    /// <param name="path">The file as given.</param>
    /// <param name="option">The option that named it, for example <c>--json</c>.</param>
    public static string? CheckFile(string? path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{option} must name a file";
        }

        if (Directory.Exists(path) || Path.EndsInDirectorySeparator(path))
        {
            return $"{option} {path} is a folder, not a file";
        }

        string folder = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".";
        string? reason = Probe(folder);
        return reason is null ? null : $"{option} {path} cannot be written: {reason}";
    }

    /// <summary>Creates the folder when missing and writes and deletes a file in it.</summary>
    /// <returns>Null when that worked, else why not.</returns>
    private static string? Probe(string folder)
    {
        try
        {
            // a file in place of the folder or of one above it: say which, not "already exists"
            for (string? d = Path.GetFullPath(folder); d is not null;
                d = Path.GetDirectoryName(d))
            {
                if (File.Exists(d))
                {
                    return $"{d} is a file, not a folder";
                }

                if (Directory.Exists(d))
                {
                    break;
                }
            }

            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, ProbeName);
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (Exception e) when (e is IOException or ArgumentException
            or NotSupportedException)
        {
            return e.Message;
        }
    }
}
