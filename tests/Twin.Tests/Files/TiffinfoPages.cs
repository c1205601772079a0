using System.Text.RegularExpressions;

namespace Twin.Tests.Files;

/// <summary>
/// The pages (TIFF directories) of a file as libtiff's tiffinfo prints them: size, tiling,
/// NewSubfileType and ImageDescription, in file order.
/// </summary>
internal static partial class TiffinfoPages
{
    /// <summary>One directory: pixels, tiled or stripped, NewSubfileType, description.</summary>
    public sealed record Page(
        int Width, int Height, bool Tiled, int SubfileType, string Description);

    /// <summary>Runs tiffinfo on <paramref name="path"/> and parses every directory.</summary>
    public static (IReadOnlyList<Page> Pages, string StdErr) Read(string path)
    {
        var result = ExternalTool.Run("tiffinfo", "libtiff-tools", path);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tiffinfo failed: {result.StdErr}");
        }

        var blocks = result.StdOut.Split("=== TIFF directory").Skip(1);
        return ([.. blocks.Select(Parse)], result.StdErr);
    }

    private static Page Parse(string block)
    {
        var size = SizeLine().Match(block);
        var subfile = SubfileLine().Match(block);

        // the description runs to the next tag line, which tiffinfo indents by two spaces
        int start = block.IndexOf("  ImageDescription: ", StringComparison.Ordinal);
        string description = "";
        if (start >= 0)
        {
            start += "  ImageDescription: ".Length;
            int end = block.IndexOf("\n  ", start, StringComparison.Ordinal);
            description = block[start..(end < 0 ? block.Length : end)].Replace("\r", "");
        }

        return new Page(
            int.Parse(size.Groups[1].Value),
            int.Parse(size.Groups[2].Value),
            block.Contains("  Tile Width: ", StringComparison.Ordinal),
            subfile.Success ? int.Parse(subfile.Groups[1].Value) : 0,
            description);
    }

    [GeneratedRegex(@"Image Width: (\d+) Image Length: (\d+)")]
    private static partial Regex SizeLine();

    [GeneratedRegex(@"Subfile Type: .*\((\d+) = 0x[0-9a-f]+\)")]
    private static partial Regex SubfileLine();
}
