using System.CommandLine;
using System.Globalization;

namespace Twin.Scenarios.Cli;

/// <summary>The <c>--seed N</c> option, with the same range scenario files accept.</summary>
public static class SeedOption
{
    /// <summary>Largest seed accepted (also in scenario files).</summary>
    public const ulong Max = 4_000_000_000_000_000;

    /// <summary>Creates the option.</summary>
    /// <param name="replaces">Whose seed it replaces, for the help text.</param>
    public static Option<ulong?> Create(string replaces = "the scenario's") => new("--seed")
    {
        Description = $"Master seed, a whole number 0..{Max} (replaces {replaces})",
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture,
                    out ulong v) && v <= Max)
            {
                return v;
            }

            result.AddError($"--seed '{text}' must be a whole number from 0 to {Max}");
            return null;
        },
    };
}
