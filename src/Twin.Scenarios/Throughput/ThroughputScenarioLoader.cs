using System.Text.RegularExpressions;
using Twin.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Twin.Scenarios.Throughput;

/// <summary>
/// Loads a scenario for a throughput run: the racks and slides through
/// <see cref="ScenarioReader"/>, and the optional top-level <c>throughput:</c> section through
/// its own reader. The section is blanked line for line before the scenario reader sees the
/// text, so line numbers in every message stay those of the file.
/// </summary>
public static partial class ThroughputScenarioLoader
{
    /// <summary>Name of the optional top-level section.</summary>
    public const string SectionKey = "throughput";

    /// <summary>Loads a scenario file, or the embedded demo rack when the path is null.</summary>
    /// <param name="path">Scenario YAML file, or null.</param>
    /// <exception cref="ScenarioException">Every error, each with file, line and rule.</exception>
    public static ThroughputScenario Load(string? path)
    {
        if (path is null)
        {
            return new ThroughputScenario(
                Cli.ScanCommand.Load(null, null), ThroughputSettings.Default);
        }

        ScenarioReader.RequireFile(path, "scenario");

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, $"cannot read: {e.Message}")]);
        }

        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(text, path, dir);
    }

    /// <summary>Parses scenario text; <paramref name="file"/> names it in messages.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">Name used in messages.</param>
    /// <param name="baseDirectory">Folder relative paths resolve against.</param>
    public static ThroughputScenario Parse(string text, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scenario = ScenarioReader.Parse(MaskSection(text), file, baseDirectory);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScenarioException([new ScenarioError(file, (int)e.Start.Line,
                "not valid YAML in the throughput section")]);
        }

        YamlNode? section = null;
        if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root)
        {
            root.Children.TryGetValue(new YamlScalarNode(SectionKey), out section);
        }

        var errors = new List<ScenarioError>();
        var settings = ThroughputSectionReader.Read(section, file, scenario, errors);
        if (errors.Count > 0)
        {
            throw new ScenarioException(errors.OrderBy(e => e.Line).ToList());
        }

        return new ThroughputScenario(scenario, settings);
    }

    /// <summary>
    /// The text with the top-level throughput section's lines emptied (line count kept).
    /// </summary>
    /// <param name="text">Scenario YAML text.</param>
    public static string MaskSection(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n');
        bool inside = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];

            // a top-level key starts in column 0; comments and indented lines belong to the
            // section they are in
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '#')
            {
                inside = SectionStart().IsMatch(line);
            }

            if (inside)
            {
                lines[i] = line.EndsWith('\r') ? "\r" : "";
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^throughput\s*:")]
    private static partial Regex SectionStart();
}
